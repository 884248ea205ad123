package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: alert latency from the launch to the event on the directors' consoles,
 * with 50 emergencies launched at once. Run on demand (docs/performance.md):
 *
 * <pre>mvn -B -ntp verify -Dit.test=AlertLatencyBenchmark -Dsurefire.skip=true</pre>
 *
 * Reports p50, p99 and max; asserts only that every alert arrived.
 */
class AlertLatencyBenchmark {

  private static final int EMERGENCIES = 50;
  private static final int INJECTORS = 10;
  private static final int DIRECTORS = 3;

  @Test
  void alertLatencyWithFiftyConcurrentEmergencies() throws Exception {
    // A server of its own, with production session settings and nobody else's traffic.
    try (TestServer server = TestServer.start("bench", TestDatabase.createAnother(), Map.of())) {
      measure(server.api());
    }
  }

  private void measure(Api api) throws Exception {
    Api.Clinic clinic = api.newClinic();
    List<String> directorTokens = new ArrayList<>();
    List<String> directorIds = new ArrayList<>();
    for (int i = 0; i < DIRECTORS; i++) {
      String director = clinic.enrol("DIRECTOR");
      directorIds.add(clinic.userId(director));
      directorTokens.add(clinic.signIn(director));
    }
    clinic.definePolicy(List.of(directorIds), 600, "Call 911.");
    List<String> injectorTokens = new ArrayList<>();
    for (int i = 0; i < INJECTORS; i++) {
      injectorTokens.add(clinic.signIn(clinic.enrol("INJECTOR")));
    }
    JsonObject launch =
        Json.createObjectBuilder()
            .add("complication", "VASCULAR_OCCLUSION")
            .add("patientRef", "BENCH")
            .add("patientInitials", "BB")
            .build();

    List<SseStream> consoles = new ArrayList<>();
    directorTokens.forEach(t -> consoles.add(SseStream.open(api.baseUrl(), t, null)));
    // Warm up the paths once, so the first measured launch does not pay for class loading.
    warmUp(api, injectorTokens.get(0), launch, consoles);

    Map<String, long[]> sentAndAnswered = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(EMERGENCIES);
    List<CompletableFuture<Void>> launches = new ArrayList<>();
    for (int i = 0; i < EMERGENCIES; i++) {
      String token = injectorTokens.get(i % INJECTORS);
      launches.add(
          CompletableFuture.runAsync(
              () -> {
                long sent = System.nanoTime();
                Reply reply = api.post("/api/emergencies", token, launch);
                long answered = System.nanoTime();
                sentAndAnswered.put(reply.json().getString("id"), new long[] {sent, answered});
              },
              pool));
    }
    CompletableFuture.allOf(launches.toArray(CompletableFuture[]::new)).join();
    pool.shutdown();

    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                consoles.stream()
                    .allMatch(c -> alertsFor(c, sentAndAnswered.keySet()) == EMERGENCIES));

    List<Long> fromResponse = new ArrayList<>();
    List<Long> fromRequest = new ArrayList<>();
    for (SseStream console : consoles) {
      for (SseStream.Timed timed : console.timed()) {
        if (!"emergency.alert".equals(timed.event().name())) {
          continue;
        }
        long[] times = sentAndAnswered.get(timed.event().json().getString("emergencyId"));
        if (times != null) {
          fromResponse.add(timed.arrivedNanos() - times[1]);
          fromRequest.add(timed.arrivedNanos() - times[0]);
        }
      }
    }
    consoles.forEach(SseStream::close);
    assertThat(fromResponse).hasSize(EMERGENCIES * DIRECTORS);
    System.out.println(
        "ALERT LATENCY "
            + EMERGENCIES
            + " concurrent emergencies x "
            + DIRECTORS
            + " consoles = "
            + fromResponse.size()
            + " alerts\n  from the launch response: "
            + summary(fromResponse)
            + "\n  from the launch request:  "
            + summary(fromRequest));
  }

  private static void warmUp(Api api, String token, JsonObject launch, List<SseStream> consoles) {
    Reply reply = api.post("/api/emergencies", token, launch);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    String id = reply.json().getString("id");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                consoles.stream()
                    .allMatch(c -> c.events().stream().anyMatch(e -> e.data().contains(id))));
  }

  private static long alertsFor(SseStream console, Set<String> ids) {
    return console.events().stream()
        .filter(
            e ->
                "emergency.alert".equals(e.name())
                    && ids.contains(e.json().getString("emergencyId")))
        .count();
  }

  private static String summary(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return "p50 "
        + millis(percentile(sorted, 50))
        + ", p99 "
        + millis(percentile(sorted, 99))
        + ", max "
        + millis(sorted.get(sorted.size() - 1))
        + " (negative: the alert arrived before the launch response)";
  }

  private static long percentile(List<Long> sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
  }

  private static String millis(long nanos) {
    return String.format("%.1f ms", nanos / 1_000_000.0);
  }
}
