package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.chain.control.ChainFormat;
import com.directorline.chain.control.ChainVerifier;
import com.directorline.chain.control.CheckpointKeys;
import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestRun;
import com.directorline.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, run on demand (docs/performance.md): one million audit events in PostgreSQL, chained
 * by the server's own sealer; then verification speed (end to end over JDBC, the hashing alone, and
 * through the API) and the compliance search's latency for each filter.
 *
 * <pre>mvn -B -ntp verify -Dit.test=AuditScaleBenchmark -Dsurefire.skip=true</pre>
 */
class AuditScaleBenchmark {

  private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
  private static final int SEARCHES = 200;

  /** Days the generated trail spans: one event every 31 seconds. */
  private static final int DAYS = (int) (EVENTS * 31L / 86400);

  @Test
  void verificationAndSearchOverAMillionEvents() throws Exception {
    TestDatabase db = TestDatabase.createAnother();
    try (TestServer server = TestServer.startAsProduction("audit-bench", db, Map.of())) {
      Api api = server.api();
      String officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
      String clinic = api.get("/api/me", officer).json().getJsonArray("clinicIds").getString(0);

      long inserted = System.nanoTime();
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        GeneratedTrail.insert(s, clinic, EVENTS);
        s.execute("ANALYZE audit_event");
      }
      double insertSeconds = (System.nanoTime() - inserted) / 1e9;

      long sealing = System.nanoTime();
      Awaitility.await()
          .atMost(Duration.ofMinutes(15))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> GeneratedTrail.unchained(db) == 0);
      double sealSeconds = (System.nanoTime() - sealing) / 1e9;
      System.out.printf(
          "BENCHMARK audit-insert events=%d seconds=%.1f; sealing by the server %.0f events/s%n",
          EVENTS, insertSeconds, EVENTS / sealSeconds);

      String pem = api.get("/api/audit/public-key", officer).json().getString("pem");
      ChainVerifier verifier = new ChainVerifier(CheckpointKeys.verifier(pem));
      List<Double> rates = new ArrayList<>();
      long verified = 0;
      for (int i = 0; i < 3; i++) {
        try (Connection c = db.connect()) {
          long started = System.nanoTime();
          ChainVerifier.Report report = verifier.verify(c);
          double seconds = (System.nanoTime() - started) / 1e9;
          assertThat(report.intact()).as(report.problem()).isTrue();
          verified = report.events();
          rates.add(report.events() / seconds);
        }
      }
      System.out.printf(
          "BENCHMARK audit-verify-jdbc events=%d rate=%.0f events/s (median of 3, reading from"
              + " PostgreSQL included)%n",
          verified, median(rates));
      List<Double> parallelRates = new ArrayList<>();
      int workers = Runtime.getRuntime().availableProcessors();
      for (int i = 0; i < 3; i++) {
        long started = System.nanoTime();
        ChainVerifier.Report report = verifier.verify(db::connect, workers);
        assertThat(report.intact()).as(report.problem()).isTrue();
        parallelRates.add(report.events() / ((System.nanoTime() - started) / 1e9));
      }
      System.out.printf(
          "BENCHMARK audit-verify-jdbc-parallel workers=%d rate=%.0f events/s (median of 3)%n",
          workers, median(parallelRates));

      System.out.printf(
          "BENCHMARK audit-verify-hashing rate=%.0f events/s (SHA-256 chain over rows in memory)%n",
          hashingRate(db));

      long started = System.nanoTime();
      Reply verification = api.get("/api/audit/verification", officer);
      double apiSeconds = (System.nanoTime() - started) / 1e9;
      assertThat(verification.json().getString("status")).isEqualTo("OK");
      System.out.printf(
          "BENCHMARK audit-verify-api events=%d seconds=%.2f rate=%.0f events/s%n",
          verification.json().getJsonNumber("events").longValue(),
          apiSeconds,
          verification.json().getJsonNumber("events").longValue() / apiSeconds);

      Random random = new Random(42);
      Map<String, Supplier<String>> filters = new LinkedHashMap<>();
      filters.put("clinic only (newest page)", () -> "");
      filters.put(
          "from+to (one day)",
          () -> {
            Instant from =
                Instant.parse("2025-11-20T00:00:00Z")
                    .plusSeconds(random.nextInt(DAYS - 7) * 86400L);
            return "&from=" + from + "&to=" + from.plusSeconds(86400);
          });
      filters.put(
          "userId", () -> "&userId=" + GeneratedTrail.md5Uuid("user" + random.nextInt(200)));
      filters.put("patientRef", () -> "&patientRef=MRN-" + random.nextInt(50000));
      filters.put(
          "emergencyId",
          () -> "&emergencyId=" + GeneratedTrail.md5Uuid("em" + random.nextInt(100000)));
      filters.put(
          "action", () -> "&action=" + List.of("READ", "UPDATE", "CREATE").get(random.nextInt(3)));
      filters.put(
          "outcome",
          () -> "&outcome=" + List.of("DENIED", "ERROR", "SUCCESS").get(random.nextInt(3)));
      filters.put(
          "purpose",
          () ->
              "&purpose="
                  + List.of("BREAK_GLASS", "OPERATIONS", "TREATMENT").get(random.nextInt(3)));
      for (var filter : filters.entrySet()) {
        for (int i = 0; i < 20; i++) {
          api.get("/api/audit/events?size=50" + filter.getValue().get(), officer);
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < SEARCHES; i++) {
          String query = "/api/audit/events?size=50" + filter.getValue().get();
          long t = System.nanoTime();
          Reply reply = api.get(query, officer);
          millis.add((System.nanoTime() - t) / 1e6);
          assertThat(reply.status()).as(query + " " + reply).isEqualTo(200);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf(
            "BENCHMARK audit-search filter=%s p50=%.0f ms p95=%.0f ms max=%.0f ms (%d searches)%n",
            filter.getKey(),
            sorted.get(sorted.size() / 2),
            sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
            sorted.get(sorted.size() - 1),
            SEARCHES);
      }

      flags(api, officer, random);
    }
  }

  /**
   * The flags of a random week of the trail (about 19,500 events, every one touching a patient),
   * one officer at a time and four at once; latency from the request to the last byte of the
   * answer. The generated trail is the hardest case for grouping: nearly every event names an
   * emergency of its own, so a week holds thousands of groups of one flag.
   */
  private static void flags(Api api, String officer, Random random) throws Exception {
    Supplier<String> week =
        () -> {
          Instant from =
              Instant.parse("2025-11-20T00:00:00Z").plusSeconds(random.nextInt(DAYS - 7) * 86400L);
          return "/api/audit/flags?from=" + from + "&to=" + from.plusSeconds(7 * 86400);
        };
    Reply sample = api.get(week.get(), officer);
    assertThat(sample.status()).as(sample.toString()).isEqualTo(200);
    System.out.printf(
        "BENCHMARK audit-flags one week: total=%d groups=%d listed=%d kinds=%s answer=%d bytes%n",
        sample.json().getInt("total"),
        sample.json().getInt("groupCount"),
        sample.json().getJsonArray("groups").size(),
        sample.json().getJsonObject("kinds"),
        sample.body().length());
    List<Double> warmup = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long t = System.nanoTime();
      api.get(week.get(), officer);
      warmup.add((System.nanoTime() - t) / 1e6);
    }
    System.out.printf(
        "BENCHMARK audit-flags warm-up (10 per line): %s%n",
        IntStream.range(0, 6)
            .mapToObj(b -> String.format("%.0f", median(warmup.subList(b * 10, b * 10 + 10))))
            .toList());
    for (int clients : new int[] {1, 2, 4}) {
      List<Double> millis = Collections.synchronizedList(new ArrayList<>());
      List<Thread> threads = new ArrayList<>();
      long began = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        Random own = new Random(c);
        threads.add(
            start(
                () -> {
                  for (int i = 0; i < 100; i++) {
                    Instant from =
                        Instant.parse("2025-11-20T00:00:00Z")
                            .plusSeconds(own.nextInt(DAYS - 7) * 86400L);
                    String query =
                        "/api/audit/flags?from=" + from + "&to=" + from.plusSeconds(7 * 86400);
                    long t = System.nanoTime();
                    Reply reply = api.get(query, officer);
                    millis.add((System.nanoTime() - t) / 1e6);
                    assertThat(reply.status()).isEqualTo(200);
                  }
                }));
      }
      for (Thread t : threads) {
        t.join();
      }
      double seconds = (System.nanoTime() - began) / 1e9;
      List<Double> sorted = millis.stream().sorted().toList();
      System.out.printf(
          "BENCHMARK audit-flags clients=%d %.1f requests/s p50=%.0f ms p95=%.0f ms max=%.0f ms"
              + " (%d requests)%n",
          clients,
          sorted.size() / seconds,
          sorted.get(sorted.size() / 2),
          sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
          sorted.get(sorted.size() - 1),
          sorted.size());
    }
  }

  private static double hashingRate(TestDatabase db) throws Exception {
    List<ChainFormat.EventRow> rows = new ArrayList<>();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + ChainFormat.COLUMNS
                    + " FROM audit_event e ORDER BY e.id LIMIT 200000")) {
          while (rs.next()) {
            rows.add(ChainFormat.EventRow.read(rs, 1));
          }
        }
      }
    }
    List<Double> rates = new ArrayList<>();
    for (int round = 0; round < 7; round++) {
      ChainFormat.Hasher hasher = new ChainFormat.Hasher();
      byte[] previous = new byte[32];
      long started = System.nanoTime();
      long seq = 0;
      for (ChainFormat.EventRow row : rows) {
        previous = hasher.next(previous, ++seq, row);
      }
      rates.add(rows.size() / ((System.nanoTime() - started) / 1e9));
      assertThat(previous).hasSize(32);
    }
    return median(rates);
  }

  private static Thread start(Runnable work) {
    Thread thread = new Thread(work);
    thread.start();
    return thread;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
