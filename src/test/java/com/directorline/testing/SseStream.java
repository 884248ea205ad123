package com.directorline.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/** A server-sent event stream as a browser's EventSource reads it. */
public final class SseStream implements AutoCloseable {

  /** One event: its id, name and JSON data. */
  public record Event(String id, String name, String data) {
    public JsonObject json() {
      try (var reader = Json.createReader(new StringReader(data))) {
        return reader.readObject();
      }
    }
  }

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final List<Event> events = new CopyOnWriteArrayList<>();
  private final List<Long> arrivals = new CopyOnWriteArrayList<>();
  private final int status;
  private final Stream<String> lines;
  private final Thread reader;
  private volatile boolean ended;

  private SseStream(HttpResponse<Stream<String>> response) {
    this.status = response.statusCode();
    this.lines = response.body();
    this.reader = new Thread(this::read, "sse-test-reader");
    reader.setDaemon(true);
    reader.start();
  }

  public static SseStream open(String baseUrl, String token, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/alerts"))
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + token);
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      return new SseStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void read() {
    String id = null;
    String name = null;
    StringBuilder data = new StringBuilder();
    try {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.isEmpty()) {
          if (data.length() > 0) {
            arrivals.add(System.nanoTime());
            events.add(new Event(id, name, data.toString()));
          }
          id = null;
          name = null;
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
    } catch (RuntimeException closed) {
      // the test closed the stream
    } finally {
      ended = true;
    }
  }

  /** True once the server ended the stream (or the test closed it). */
  public boolean ended() {
    return ended;
  }

  /** Events with their arrival time ({@link System#nanoTime()}), for the latency benchmark. */
  public List<Timed> timed() {
    return timed(0);
  }

  /** As {@link #timed()}, from the {@code from}-th event on (what arrived since {@link #count}). */
  public List<Timed> timed(int from) {
    List<Timed> timed = new ArrayList<>();
    int end = Math.min(events.size(), arrivals.size());
    for (int i = from; i < end; i++) {
      timed.add(new Timed(events.get(i), arrivals.get(i)));
    }
    return timed;
  }

  /** An event and when it arrived. */
  public record Timed(Event event, long arrivedNanos) {}

  public int status() {
    return status;
  }

  /** How many events have arrived. */
  public int count() {
    return events.size();
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  /** Waits for the first event matching {@code wanted}. */
  public Event await(Predicate<Event> wanted, Duration atMost) {
    return await(events, wanted, atMost);
  }

  /**
   * Waits until {@code events} (a list that grows as they arrive) holds one matching {@code
   * wanted}.
   */
  static Event await(List<Event> events, Predicate<Event> wanted, Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(20))
        .until(() -> events.stream().filter(wanted).findFirst().orElse(null), e -> e != null);
  }

  @Override
  public void close() {
    lines.close();
  }
}
