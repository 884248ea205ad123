package com.directorline.escalation.control;

import com.directorline.escalation.entity.AlertMessage;
import com.directorline.platform.control.ConfiguredDataSource;
import com.directorline.platform.control.Workers;
import com.directorline.schema.control.SchemaMigrated;
import com.directorline.sessions.control.Sessions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The directors' open consoles on this instance. Alerts committed here arrive at once ({@link
 * Alerts}); alerts committed by another instance on the same database arrive through a poll of the
 * {@code alert} table every 250 ms. Each console remembers which sequence numbers it was sent, so
 * neither path sends an alert twice.
 */
@ApplicationScoped
public class AlertHub {

  private static final Logger LOG = Logger.getLogger(AlertHub.class.getName());

  /** Rows younger than this may still be overtaken by a slower transaction's lower seq. */
  private static final Duration SETTLE = Duration.ofSeconds(2);

  @Inject Alerts alerts;
  @Inject Clock clock;
  @Inject Sessions sessions;
  @Inject MetricRegistry metrics;

  @Inject Workers workers;

  @Inject
  @ConfigProperty(name = "directorline.alerts.heartbeat-seconds", defaultValue = "15")
  long heartbeatSeconds;

  /**
   * How often the alert table is read for alerts other instances committed: the only way on H2 (one
   * instance), the safety net behind PostgreSQL's notices ({@link AlertNotices}).
   */
  @Inject
  @ConfigProperty(name = "directorline.alerts.poll-millis")
  Optional<Long> pollMillis;

  private final boolean postgres = ConfiguredDataSource.isPostgres(ConfigProvider.getConfig());
  private AlertNotices notices;

  private final Map<UUID, Set<Console>> consoles = new ConcurrentHashMap<>();
  private volatile long pollCursor;
  private ExecutorService writer;
  private ExecutorService closer;

  void start(@Observes SchemaMigrated migrated) {
    pollCursor = alerts.lastSeq();
    writer = workers.dedicated(2);
    closer = workers.dedicated(2);
    // Threads of their own: a write blocked on a dead connection must not hold up the poll.
    long poll = pollMillis.orElse(postgres ? 2_000L : 250L);
    workers
        .dedicated(1)
        .scheduleWithFixedDelay(this::pollSafely, poll, poll, TimeUnit.MILLISECONDS);
    if (postgres) {
      notices = new AlertNotices(this::pollSafely);
      workers.dedicated(1).execute(notices);
    }
    workers
        .dedicated(1)
        .scheduleWithFixedDelay(
            this::heartbeat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (notices != null) {
      notices.stop();
    }
    consoles.values().forEach(set -> set.forEach(Console::close));
  }

  /**
   * Opens a console: sends what it missed, then every new alert for this director, for as long as
   * the sign-in session lasts.
   */
  public void open(
      UUID directorId,
      UUID sessionId,
      Long lastEventId,
      SseEventSink sink,
      Sse sse,
      List<AlertMessage> missed) {
    Console console =
        new Console(directorId, sessionId, lastEventId == null ? 0 : lastEventId, sink, sse);
    synchronized (console) {
      consoles.computeIfAbsent(directorId, id -> new CopyOnWriteArraySet<>()).add(console);
      missed.forEach(console::send);
    }
  }

  public void deliver(Collection<AlertMessage> messages) {
    for (AlertMessage message : messages) {
      Set<Console> open = consoles.get(message.directorId());
      if (open != null) {
        open.forEach(console -> console.send(message));
      }
    }
  }

  /** Run by the poll and by a notice, so one at a time. */
  private synchronized void pollSafely() {
    // A scheduled task that throws is never run again: nothing may escape from here.
    try {
      List<AlertMessage> fresh = alerts.after(pollCursor);
      deliver(fresh);
      var settled = clock.instant().minus(SETTLE);
      fresh.stream()
          .filter(m -> m.createdAt().isBefore(settled))
          .mapToLong(AlertMessage::seq)
          .max()
          .ifPresent(max -> pollCursor = Math.max(pollCursor, max));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "alert poll failed; retrying", e.getClass().getName());
    }
  }

  /**
   * Closes the consoles whose session has ended (signed out, idle, expired, revoked; the browser
   * then reconnects and is told to sign in) and keeps the others alive through proxies. The session
   * checks run here and touch only the database; the writes run on other threads, because a write
   * to a dead connection can block, and it must not hold up anyone's check.
   */
  private void heartbeat() {
    // A scheduled task that throws is never run again: nothing may escape from here.
    for (Set<Console> set : consoles.values()) {
      for (Console console : set) {
        try {
          if (sessionEnded(console)) {
            LOG.info(
                () ->
                    "closing the console of director "
                        + console.directorId
                        + ": its session ended");
            forget(console);
            closer.execute(console::close);
          } else {
            console.keepAliveOn(writer);
          }
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "console heartbeat failed; closing it", e.getClass().getName());
          forget(console);
          closer.execute(console::close);
        }
      }
    }
  }

  private boolean sessionEnded(Console console) {
    try {
      return !sessions.stillOpen(console.sessionId);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "session check failed; keeping the console", e.getClass().getName());
      return false;
    }
  }

  private void forget(Console console) {
    Set<Console> open = consoles.get(console.directorId);
    if (open != null) {
      open.remove(console);
    }
  }

  /** One open server-sent event stream. */
  private final class Console {
    private final UUID directorId;
    private final UUID sessionId;

    /** The browser already has everything up to here (its Last-Event-ID). */
    private final long floor;

    private final SseEventSink sink;
    private final Sse sse;
    private final Set<Long> sent = new LinkedHashSet<>();

    Console(UUID directorId, UUID sessionId, long floor, SseEventSink sink, Sse sse) {
      this.directorId = directorId;
      this.sessionId = sessionId;
      this.floor = floor;
      this.sink = sink;
      this.sse = sse;
    }

    synchronized void send(AlertMessage message) {
      if (sink.isClosed()) {
        forget(this);
        return;
      }
      // The poll re-reads recent rows; a reconnected browser must not get them twice.
      if (message.seq() <= floor || !sent.add(message.seq())) {
        return;
      }
      if (sent.size() > 10_000) {
        sent.remove(sent.iterator().next());
      }
      try {
        sendEvent(message);
      } catch (RuntimeException e) {
        count("failed");
        close();
      }
    }

    private void sendEvent(AlertMessage message) {
      sink.send(
              sse.newEventBuilder()
                  .id(Long.toString(message.seq()))
                  .name(message.event())
                  .mediaType(MediaType.APPLICATION_JSON_TYPE)
                  .data(String.class, message.data())
                  .reconnectDelay(1000)
                  .build())
          .thenRun(() -> count("sent"))
          .exceptionally(
              failure -> {
                count("failed");
                close();
                return null;
              });
    }

    private void count(String result) {
      metrics
          .counter("alert_deliveries", new Tag("channel", "console"), new Tag("result", result))
          .inc();
    }

    private final AtomicBoolean keepAlivePending = new AtomicBoolean();

    /** Queues a keep-alive unless the previous one is still being written. */
    void keepAliveOn(Executor executor) {
      if (keepAlivePending.compareAndSet(false, true)) {
        executor.execute(
            () -> {
              try {
                keepAlive();
              } finally {
                keepAlivePending.set(false);
              }
            });
      }
    }

    synchronized void keepAlive() {
      if (sink.isClosed()) {
        forget(this);
        return;
      }
      try {
        sink.send(sse.newEventBuilder().comment("keep-alive").build())
            .exceptionally(
                failure -> {
                  close();
                  return null;
                });
      } catch (RuntimeException e) {
        close();
      }
    }

    void close() {
      forget(this);
      try {
        sink.close();
      } catch (RuntimeException e) {
        // already gone
      }
    }
  }
}
