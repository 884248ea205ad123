package com.directorline.escalation.control;

import com.directorline.escalation.entity.Delivery;
import com.directorline.platform.control.Workers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Runs delivery attempts off the request and escalation threads, so a slow or failing channel never
 * delays another channel or the escalation, and retries failed attempts with exponential backoff (1
 * s, 2 s, 4 s, ... at most {@code directorline.alerts.max-attempts} attempts). Every attempt is
 * recorded and counted per channel and outcome.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @Inject Workers workers;
  @Inject Deliveries deliveries;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.alerts.max-attempts", defaultValue = "6")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "directorline.alerts.first-retry-millis", defaultValue = "1000")
  long firstRetryMillis;

  /** Deliveries have threads of their own: a slow SMTP server delays no other channel. */
  private ScheduledExecutorService scheduler;

  @PostConstruct
  void start() {
    scheduler = workers.dedicated(4);
  }

  /** The result of one attempt. */
  public record Result(Delivery.Outcome outcome, Integer statusCode, String error) {

    public static Result sent(Integer statusCode) {
      return new Result(Delivery.Outcome.SENT, statusCode, null);
    }

    public static Result failed(Integer statusCode, String error) {
      return new Result(Delivery.Outcome.FAILED, statusCode, error);
    }

    public static Result skipped(String why) {
      return new Result(Delivery.Outcome.SKIPPED, null, why);
    }
  }

  /** One deliverable thing: where it goes, and how to try once. */
  public interface Attempt {
    Result tryOnce();
  }

  /** One delivery to make: the alert it is for, where it goes, and how to try once. */
  public record Job(
      long alertSeq, UUID clinicId, Delivery.Channel channel, String target, Attempt attempt) {}

  /**
   * Tries every job at once on the dispatcher's threads, and records their first attempts together
   * in one transaction when the last of them has ended: an alert's email and webhook cost the
   * database one commit, not one each (a slow mail server delays that record, never the webhook). A
   * failed job is retried after a backoff, and each retry is recorded as it ends.
   */
  public void dispatch(List<Job> jobs) {
    if (jobs.isEmpty()) {
      return;
    }
    FirstAttempts first = new FirstAttempts(jobs.size());
    for (Job job : jobs) {
      scheduler.execute(() -> run(job, 1, first));
    }
  }

  /** The first attempts of one dispatch, written together when the last has ended. */
  private static final class FirstAttempts {
    private final List<Delivery> ended = new ArrayList<>();
    private final int expected;

    FirstAttempts(int expected) {
      this.expected = expected;
    }

    /** All of them once this was the last to end; null before. */
    synchronized List<Delivery> add(Delivery delivery) {
      ended.add(delivery);
      return ended.size() == expected ? List.copyOf(ended) : null;
    }
  }

  private void run(Job job, int number, FirstAttempts first) {
    Result result;
    try {
      result = job.attempt().tryOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "alert delivery failed: {0}", e.getClass().getName());
      result = Result.failed(null, "not delivered");
    }
    Delivery delivery =
        new Delivery(
            job.alertSeq(),
            job.clinicId(),
            job.channel(),
            job.target(),
            number,
            result.outcome(),
            result.statusCode(),
            result.error(),
            clock.instant());
    List<Delivery> toRecord = first == null ? List.of(delivery) : first.add(delivery);
    if (toRecord != null) {
      try {
        deliveries.record(toRecord);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not record delivery attempts: {0}", e.getClass().getName());
      }
    }
    metrics
        .counter(
            "alert_deliveries",
            new Tag("channel", job.channel().name().toLowerCase()),
            new Tag("result", result.outcome().name().toLowerCase()))
        .inc();
    if (result.outcome() == Delivery.Outcome.FAILED && number < maxAttempts) {
      Duration backoff = backoff(firstRetryMillis, number);
      scheduler.schedule(
          () -> run(job, number + 1, null), backoff.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** How long to wait after failed attempt {@code number}: doubling from the first, at most 64x. */
  static Duration backoff(long firstRetryMillis, int number) {
    return Duration.ofMillis(firstRetryMillis << Math.min(number - 1, 6));
  }
}
