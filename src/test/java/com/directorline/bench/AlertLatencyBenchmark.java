package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestMail;
import com.directorline.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: how long from the injector's launch request until the alert is on each
 * director's console, for one launch at a time and for 50 launched at once (issue 16, target 3).
 * The server runs as production does ({@link TestServer#startAsProduction}) and emails every alert
 * to a real SMTP server (GreenMail, in this JVM); the launch is the phone's (the complication and
 * an idempotency key). Run on demand (docs/performance.md):
 *
 * <pre>mvn -B -ntp clean verify -Dit.test=AlertLatencyBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * Warms single launches in blocks of 50 until their median is steady, then measures 200 single
 * launches and 6 rounds of 50 at once (after 3 rounds of warm-up). Reports p50, p99 and max from
 * the request; asserts only that every alert arrived.
 */
class AlertLatencyBenchmark {

  private static final int AT_ONCE = 50;
  private static final int INJECTORS = 10;
  private static final int DIRECTORS = 3;
  private static final String LAUNCH = "{\"complication\":\"VASCULAR_OCCLUSION\"}";

  private Api api;
  private final List<String> injectors = new ArrayList<>();
  private final List<SseStream> consoles = new ArrayList<>();

  /** How many events of each console earlier phases have looked at. */
  private final Map<SseStream, Integer> seen = new ConcurrentHashMap<>();

  @Test
  void alertLatencyFromTheRequestOneAtATimeAndFiftyAtOnce() throws Exception {
    try (TestServer server =
        TestServer.startAsProduction(
            "bench-alerts",
            TestDatabase.createAnother(),
            Map.of(
                "DIRECTORLINE_MAIL_HOST",
                "127.0.0.1",
                "DIRECTORLINE_MAIL_PORT",
                String.valueOf(TestMail.port())))) {
      api = server.api();
      Api.Clinic clinic = api.newClinic();
      List<String> directorIds = new ArrayList<>();
      for (int i = 0; i < DIRECTORS; i++) {
        String director = clinic.enrol("DIRECTOR");
        directorIds.add(clinic.userId(director));
        consoles.add(SseStream.open(api.baseUrl(), clinic.signIn(director), null));
      }
      clinic.definePolicy(List.of(directorIds), 600, "Call 911.");
      for (int i = 0; i < INJECTORS; i++) {
        injectors.add(clinic.signIn(clinic.enrol("INJECTOR")));
      }

      List<Double> warm = new ArrayList<>();
      for (int n = 1; ; n++) {
        List<Long> block = oneAtATime(50);
        warm.add(millis(percentile(block, 50)));
        System.out.printf(
            "WARMUP %d: one at a time, 50 launches, alert p50 %.1f ms, p99 %.1f ms%n",
            n, millis(percentile(block, 50)), millis(percentile(block, 99)));
        if (n >= 25 || (n >= 4 && steady(warm))) {
          System.out.println(
              steady(warm) ? "WARMUP steady" : "WARMUP NOT steady after " + n + " blocks");
          break;
        }
      }
      List<Long> single = oneAtATime(200);

      for (int round = 1; round <= 3; round++) {
        List<Long> warmRound = atOnce();
        System.out.printf(
            "WARMUP 50 at once, round %d: alert p50 %.1f ms, p99 %.1f ms%n",
            round, millis(percentile(warmRound, 50)), millis(percentile(warmRound, 99)));
      }
      List<Long> concurrent = new ArrayList<>();
      for (int round = 1; round <= 6; round++) {
        concurrent.addAll(atOnce());
      }
      consoles.forEach(SseStream::close);

      System.out.println(
          "ALERT LATENCY from the launch request to the console, "
              + DIRECTORS
              + " consoles\n  one at a time (200 launches): "
              + summary(single)
              + "\n  50 at once (6 rounds, 300 launches): "
              + summary(concurrent));
    }
  }

  /** Launches one after another, each once the last's alerts arrived; latencies of every alert. */
  private List<Long> oneAtATime(int launches) {
    List<Long> latencies = new ArrayList<>();
    for (int i = 0; i < launches; i++) {
      long sent = System.nanoTime();
      String id = launch(injectors.get(i % INJECTORS));
      latencies.addAll(arrivals(Map.of(id, sent)));
    }
    return latencies;
  }

  /** 50 launches at once, by 10 injectors; latencies of every alert. */
  private List<Long> atOnce() {
    Map<String, Long> sent = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
    try {
      List<CompletableFuture<Void>> launches = new ArrayList<>();
      for (int i = 0; i < AT_ONCE; i++) {
        String token = injectors.get(i % INJECTORS);
        launches.add(
            CompletableFuture.runAsync(
                () -> {
                  long at = System.nanoTime();
                  sent.put(launch(token), at);
                },
                pool));
      }
      CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).join();
    } finally {
      pool.shutdown();
    }
    return arrivals(sent);
  }

  private String launch(String token) {
    Reply reply =
        api.send(
            "POST",
            "/api/emergencies",
            token,
            "application/json",
            LAUNCH,
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().getString("id");
  }

  /**
   * Waits for every console to have the alert of each emergency; the time each arrived (stamped by
   * the console's reader as the event came in, so how often this looks does not matter).
   */
  private List<Long> arrivals(Map<String, Long> sent) {
    Map<SseStream, Integer> from = new ConcurrentHashMap<>();
    consoles.forEach(c -> from.put(c, seen.getOrDefault(c, 0)));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(2))
        .until(
            () ->
                consoles.stream()
                    .allMatch(c -> alerted(c, from.get(c), sent).size() == sent.size()));
    List<Long> latencies = new ArrayList<>();
    for (SseStream console : consoles) {
      seen.put(console, console.count());
      for (SseStream.Timed timed : alerted(console, from.get(console), sent)) {
        latencies.add(
            timed.arrivedNanos() - sent.get(timed.event().json().getString("emergencyId")));
      }
    }
    return latencies;
  }

  private static List<SseStream.Timed> alerted(
      SseStream console, int from, Map<String, Long> sent) {
    List<SseStream.Timed> alerts = new ArrayList<>();
    for (SseStream.Timed timed : console.timed(from)) {
      SseStream.Event event = timed.event();
      if ("emergency.alert".equals(event.name())
          && sent.containsKey(event.json().getString("emergencyId"))) {
        alerts.add(timed);
      }
    }
    return alerts;
  }

  private static boolean steady(List<Double> medians) {
    int n = medians.size();
    double last = medians.get(n - 1);
    return Math.abs(last - medians.get(n - 2)) / last < 0.10
        && Math.abs(last - medians.get(n - 3)) / last < 0.10;
  }

  private static String summary(List<Long> nanos) {
    return String.format(
        "%d alerts, p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        nanos.size(),
        millis(percentile(nanos, 50)),
        millis(percentile(nanos, 99)),
        millis(percentile(nanos, 100)));
  }

  private static long percentile(List<Long> values, int p) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
