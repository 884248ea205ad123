package com.directorline.escalation.control;

import com.directorline.escalation.entity.Delivery;
import com.directorline.escalation.entity.PendingDelivery;
import com.directorline.platform.control.Workers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Runs delivery attempts off the request and escalation threads, so a slow or failing channel never
 * delays another channel or the escalation. A failed attempt is owed again after an exponential
 * backoff (1 s, 2 s, 4 s, ... at most {@code directorline.alerts.max-attempts} attempts) as a row
 * of the {@link Outbox}, which any instance makes when it falls due: a retry survives the instance
 * that scheduled it. Every attempt is recorded and counted per channel and outcome.
 */
@ApplicationScoped
public class Dispatcher {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

  @Inject Workers workers;
  @Inject Outbox outbox;
  @Inject MetricRegistry metrics;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.alerts.max-attempts", defaultValue = "6")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "directorline.alerts.first-retry-millis", defaultValue = "1000")
  long firstRetryMillis;

  /** Deliveries have threads of their own: a slow SMTP server delays no other channel. */
  private ScheduledExecutorService executor;

  @PostConstruct
  void start() {
    executor = workers.dedicated(4);
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

  /** One delivery to make: the alert it is for, where it goes, which attempt, how to try once. */
  public record Job(
      long alertSeq,
      UUID clinicId,
      Delivery.Channel channel,
      String target,
      int number,
      Attempt attempt) {

    public Job numbered(int n) {
      return new Job(alertSeq, clinicId, channel, target, n, attempt);
    }
  }

  /**
   * What the jobs of one dispatch settle in the outbox: the first attempts of these alerts, and
   * these claimed rows.
   */
  public record Owed(Collection<Long> firstOf, Collection<UUID> claimed) {}

  /**
   * Tries every job at once on the dispatcher's threads, and when the last of them has ended
   * records their attempts, settles what they were owed for and owes their retries, in one
   * transaction: an alert's email and webhook cost the database one commit, not one each (a slow
   * mail server delays that record, never the webhook).
   */
  public void dispatch(List<Job> jobs, Owed owed) {
    if (jobs.isEmpty()) {
      settle(List.of(), owed, List.of());
      return;
    }
    Attempts attempts = new Attempts(jobs.size(), owed, clock.instant());
    inFlight.add(attempts);
    for (Job job : jobs) {
      executor.execute(() -> run(job, attempts));
    }
  }

  /** Dispatches whose attempts have not all ended yet. */
  private final Set<Attempts> inFlight = ConcurrentHashMap.newKeySet();

  /**
   * Renews the claim on what this instance has been making for half a claim period or more (jobs
   * queued behind a slow mail server), so nobody makes it again meanwhile. Called before each look
   * for due rows; costs nothing while every dispatch ends in time.
   */
  public void renewLongRunning() {
    Instant now = clock.instant();
    Instant before = now.minus(outbox.claim().dividedBy(2));
    List<Attempts> old = inFlight.stream().filter(a -> a.renewedAt.isBefore(before)).toList();
    if (old.isEmpty()) {
      return;
    }
    List<Long> firstOf = new ArrayList<>();
    List<UUID> claimed = new ArrayList<>();
    for (Attempts attempts : old) {
      firstOf.addAll(attempts.owed.firstOf());
      claimed.addAll(attempts.owed.claimed());
    }
    outbox.renew(firstOf, claimed);
    old.forEach(attempts -> attempts.renewedAt = now);
  }

  /** The attempts of one dispatch, settled together when the last has ended. */
  private static final class Attempts {
    private final List<Delivery> ended = new ArrayList<>();
    private final int expected;
    private final Owed owed;
    private volatile Instant renewedAt;

    Attempts(int expected, Owed owed, Instant started) {
      this.expected = expected;
      this.owed = owed;
      this.renewedAt = started;
    }

    /** True once this was the last to end. */
    synchronized boolean add(Delivery delivery) {
      ended.add(delivery);
      return ended.size() == expected;
    }
  }

  private void run(Job job, Attempts attempts) {
    Result result;
    try {
      result = job.attempt().tryOnce();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "alert delivery failed: {0}", e.getClass().getName());
      result = Result.failed(null, "not delivered");
    }
    Instant now = clock.instant();
    Delivery delivery =
        new Delivery(
            job.alertSeq(),
            job.clinicId(),
            job.channel(),
            job.target(),
            job.number(),
            result.outcome(),
            result.statusCode(),
            result.error(),
            now);
    metrics
        .counter(
            "alert_deliveries",
            new Tag("channel", job.channel().name().toLowerCase()),
            new Tag("result", result.outcome().name().toLowerCase()))
        .inc();
    if (attempts.add(delivery)) {
      List<PendingDelivery> retries =
          attempts.ended.stream()
              .filter(d -> d.outcome() == Delivery.Outcome.FAILED && d.attempt() < maxAttempts)
              .map(
                  failed ->
                      PendingDelivery.retry(
                          failed.alertSeq(),
                          failed.channel(),
                          failed.attempt() + 1,
                          now.plus(backoff(firstRetryMillis, failed.attempt()))))
              .toList();
      settle(attempts.ended, attempts.owed, retries);
      inFlight.remove(attempts);
    }
  }

  private void settle(List<Delivery> attempts, Owed owed, List<PendingDelivery> retries) {
    try {
      outbox.settle(attempts, owed.firstOf(), owed.claimed(), retries);
    } catch (RuntimeException e) {
      // Still owed: the rows stay, and are made again once their claim runs out.
      LOG.log(Level.WARNING, "could not record delivery attempts: {0}", e.getClass().getName());
    }
  }

  /** How long to wait after failed attempt {@code number}: doubling from the first, at most 64x. */
  static Duration backoff(long firstRetryMillis, int number) {
    return Duration.ofMillis(firstRetryMillis << Math.min(number - 1, 6));
  }
}
