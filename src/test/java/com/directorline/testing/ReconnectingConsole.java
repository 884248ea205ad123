package com.directorline.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A director's console as the browser's {@code EventSource} keeps it: when the stream ends (the
 * instance behind the proxy died), it connects again through the same address with {@code
 * Last-Event-ID} set to the last event it had, so the server sends what it missed.
 */
public final class ReconnectingConsole implements AutoCloseable {

  private final String baseUrl;
  private final String token;
  private final List<SseStream.Event> events = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final AtomicInteger connections = new AtomicInteger();
  private final Thread keeper;
  private volatile SseStream current;
  private volatile boolean closed;

  public ReconnectingConsole(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.current = connect(null);
    this.keeper = new Thread(this::keep, "console-keeper");
    keeper.setDaemon(true);
    keeper.start();
  }

  private SseStream connect(String lastEventId) {
    SseStream stream = SseStream.open(baseUrl, token, lastEventId);
    connections.incrementAndGet();
    return stream;
  }

  private void keep() {
    int taken = 0;
    while (!closed) {
      SseStream stream = current;
      List<SseStream.Event> arrived = stream.events();
      for (int i = taken; i < arrived.size(); i++) {
        events.add(arrived.get(i));
      }
      taken = arrived.size();
      if (stream.ended() && !closed) {
        // What EventSource does: wait its retry time, then connect again from the last id.
        pause(Duration.ofMillis(500));
        String last = lastEventId();
        try {
          current = connect(last);
          taken = 0;
        } catch (RuntimeException refused) {
          // Nothing answers yet: try again after the next pause.
        }
      } else {
        pause(Duration.ofMillis(20));
      }
    }
  }

  private String lastEventId() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i).id() != null) {
        return events.get(i).id();
      }
    }
    return null;
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Every event received, over every connection, in order of arrival. */
  public List<SseStream.Event> events() {
    return new ArrayList<>(events);
  }

  /** How many times it connected (1 while the first connection holds). */
  public int connections() {
    return connections.get();
  }

  /** Waits for the first event matching {@code wanted}, over every connection. */
  public SseStream.Event await(Predicate<SseStream.Event> wanted, Duration atMost) {
    return SseStream.await(events, wanted, atMost);
  }

  @Override
  public void close() {
    closed = true;
    current.close();
  }
}
