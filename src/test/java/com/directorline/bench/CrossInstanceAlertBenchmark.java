package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: how long from an injector's launch request on instance A until the
 * director's console on instance B has the alert (issue 17, point 1: at most 50 ms p99), against
 * the same director's console on A, which gets it at commit. Two servers as production runs them on
 * one PostgreSQL database; one launch at a time. Run on demand (docs/performance.md):
 *
 * <pre>mvn -B -ntp clean verify -Dit.test=CrossInstanceAlertBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class CrossInstanceAlertBenchmark {

  private static final int WARMUP = 300;
  private static final int MEASURED = 300;
  private static final String LAUNCH = "{\"complication\":\"VASCULAR_OCCLUSION\"}";

  @Test
  void alertsReachAConsoleOnTheOtherInstance() throws Exception {
    TestDatabase database = TestDatabase.createAnother();
    Map<String, String> sharedKey =
        Map.of("DIRECTORLINE_TOKEN_PRIVATE_KEY", TestServer.tokenPrivateKeyPem());
    try (TestServer a = TestServer.startAsProduction("cross-a", database, sharedKey);
        TestServer b = TestServer.startAsProduction("cross-b", database, sharedKey)) {
      Api api = a.api();
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911.");
      String injector = clinic.signIn(clinic.enrol("INJECTOR"));
      String token = clinic.signIn(director);
      try (SseStream onA = SseStream.open(a.baseUrl(), token, null);
          SseStream onB = SseStream.open(b.baseUrl(), token, null)) {
        List<Long> sameInstance = new ArrayList<>();
        List<Long> otherInstance = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
          int seenA = onA.count();
          int seenB = onB.count();
          long sent = System.nanoTime();
          Reply reply =
              api.send(
                  "POST",
                  "/api/emergencies",
                  injector,
                  "application/json",
                  LAUNCH,
                  Map.of("Idempotency-Key", UUID.randomUUID().toString()));
          assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
          String id = reply.json().getString("id");
          long onAAt = arrival(onA, seenA, id);
          long onBAt = arrival(onB, seenB, id);
          if (i >= WARMUP) {
            sameInstance.add(onAAt - sent);
            otherInstance.add(onBAt - sent);
          }
          if (i % 100 == 99) {
            System.out.printf(
                "WARMUP %d launches: other instance, last one %.1f ms%n",
                i + 1, (onBAt - sent) / 1e6);
          }
        }
        System.out.println(
            "CROSS-INSTANCE ALERTS, "
                + MEASURED
                + " launches on A after "
                + WARMUP
                + " to warm up, from the request\n  console on A (same instance): "
                + summary(sameInstance)
                + "\n  console on B (other instance): "
                + summary(otherInstance));
      }
    }
  }

  /** When the console got the emergency's alert (stamped by its reader), waiting up to 10 s. */
  private static long arrival(SseStream console, int from, String emergencyId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (SseStream.Timed timed : console.timed(from)) {
        if ("emergency.alert".equals(timed.event().name())
            && timed.event().data().contains(emergencyId)) {
          return timed.arrivedNanos();
        }
      }
      Thread.onSpinWait();
      try {
        Thread.sleep(0, 200_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no alert for " + emergencyId + " within 10 s");
  }

  private static String summary(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    return String.format(
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
        sorted.get(sorted.size() / 2) / 1e6,
        sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1) / 1e6,
        sorted.get(sorted.size() - 1) / 1e6);
  }
}
