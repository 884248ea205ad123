package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: how many status pages one instance can serve. The injector's page asks
 * {@code GET /api/emergencies/{id}/progress} every 1.5 s and the director's every 2 s; this drives
 * it closed-loop from 8 clients for a fixed time and reports requests per second and latency, next
 * to the audited {@code GET /api/emergencies/{id}} it replaced (which writes an audit event per
 * request). Run on demand (docs/performance.md):
 *
 * <pre>mvn -B -ntp verify -Dit.test=StatusPollingBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class StatusPollingBenchmark {

  private static final int CLIENTS = 8;
  private static final int EMERGENCIES = 40;
  private static final long WARMUP_MILLIS = 10_000;
  private static final long MEASURE_MILLIS = 30_000;

  @Test
  void progressAgainstTheAuditedRead() throws Exception {
    try (TestServer server = TestServer.start("bench", TestDatabase.createAnother(), Map.of())) {
      Api api = server.api();
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      clinic.definePolicy(List.of(List.of(clinic.userId(director))), 3600, "Call 911.");
      String injector = clinic.signIn(clinic.enrol("INJECTOR"));
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < EMERGENCIES; i++) {
        Reply launched =
            api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", "MRN-BENCH-" + i)
                    .add("patientInitials", "BB")
                    .add("drill", true)
                    .build());
        assertThat(launched.status()).isEqualTo(201);
        ids.add(launched.json().getString("id"));
      }
      for (String path : List.of("/progress", "")) {
        run(api, injector, ids, path, WARMUP_MILLIS);
        long[] latencies = run(api, injector, ids, path, MEASURE_MILLIS);
        Arrays.sort(latencies);
        System.out.printf(
            "GET /api/emergencies/{id}%s: %d requests in %d s = %.0f/s, p50 %.1f ms, p95 %.1f ms,"
                + " p99 %.1f ms (%d clients)%n",
            path,
            latencies.length,
            MEASURE_MILLIS / 1000,
            latencies.length * 1000.0 / MEASURE_MILLIS,
            latencies[latencies.length / 2] / 1e6,
            latencies[(int) (latencies.length * 0.95)] / 1e6,
            latencies[(int) (latencies.length * 0.99)] / 1e6,
            CLIENTS);
      }
    }
  }

  /** Every client asks for the emergencies in turn until the time is up; returns all latencies. */
  private static long[] run(Api api, String token, List<String> ids, String path, long millis)
      throws Exception {
    long end = System.currentTimeMillis() + millis;
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<List<Long>>> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int offset = c;
        clients.add(
            pool.submit(
                () -> {
                  List<Long> took = new ArrayList<>();
                  for (int i = offset; System.currentTimeMillis() < end; i++) {
                    long start = System.nanoTime();
                    Reply reply =
                        api.get("/api/emergencies/" + ids.get(i % ids.size()) + path, token);
                    took.add(System.nanoTime() - start);
                    if (reply.status() != 200) {
                      throw new AssertionError(reply.toString());
                    }
                  }
                  return took;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> client : clients) {
        all.addAll(client.get());
      }
      return all.stream().mapToLong(Long::longValue).toArray();
    } finally {
      pool.shutdownNow();
    }
  }
}
