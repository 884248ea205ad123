package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.chain.control.ChainFormat;
import com.directorline.chain.control.ChainInternals;
import com.directorline.chain.control.ChainVerifier;
import com.directorline.chain.control.CheckpointKeys;
import com.directorline.testing.Api;
import com.directorline.testing.Processes;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestRun;
import com.directorline.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: verifying a chain of a million events in PostgreSQL (issue 16, target
 * 4), against the limit measured the right way, an in-memory SHA-256 chain over the same events'
 * canonical forms. Run on demand (docs/performance.md):
 *
 * <pre>mvn -B -ntp clean verify -Dit.test=VerificationBenchmark -Dtest=NONE
 * -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The server (as production runs it) chains the generated trail with its own sealer; then: the
 * limit; the verifier in this JVM on one connection and in ranges on two, repeated until steady;
 * the command-line verifier as an auditor runs it (a fresh JVM); and the API.
 */
class VerificationBenchmark {

  private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
  private static final Pattern CLI = Pattern.compile("OK: (\\d+) events, .* in ([\\d.]+) s");

  @Test
  void verifyingAMillionEvents() throws Exception {
    TestDatabase db = TestDatabase.createAnother();
    try (TestServer server = TestServer.startAsProduction("verify-bench", db, Map.of())) {
      Api api = server.api();
      String officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
      String clinic = api.get("/api/me", officer).json().getJsonArray("clinicIds").getString(0);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        GeneratedTrail.insert(s, clinic, EVENTS);
        s.execute("ANALYZE audit_event");
      }
      long sealing = System.nanoTime();
      Awaitility.await()
          .atMost(Duration.ofMinutes(20))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> GeneratedTrail.unchained(db) == 0);
      System.out.printf(
          "BENCHMARK chained %d events by the server's sealer in %.0f s%n",
          EVENTS, (System.nanoTime() - sealing) / 1e9);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE audit_chain");
        s.execute("VACUUM ANALYZE audit_event");
      }

      String pem = api.get("/api/audit/public-key", officer).json().getString("pem");
      ChainVerifier verifier = new ChainVerifier(CheckpointKeys.verifier(pem));

      double limit = sha256ChainRate(db);
      System.out.printf(
          "BENCHMARK limit: SHA-256 chain over the canonical forms in memory %.0f events/s%n",
          limit);

      double one = steady("one connection (COPY)", () -> verifier.verify(db.connect()));
      double two = steady("2 ranges (COPY)", () -> verifier.verify(db::connect, 2));
      double cursor = steady("one connection (JDBC cursor, as before)", () -> byCursor(pem, db));

      Path key = Files.createTempFile("audit-public-key", ".pem");
      Files.writeString(key, pem, StandardCharsets.UTF_8);
      List<Double> cli = new ArrayList<>();
      List<Double> cliWall = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        long started = System.nanoTime();
        String out = commandLine(db, key);
        double wall = (System.nanoTime() - started) / 1e9;
        Matcher m = CLI.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        cli.add(Long.parseLong(m.group(1)) / Double.parseDouble(m.group(2)));
        cliWall.add(Long.parseLong(m.group(1)) / wall);
      }
      System.out.printf(
          "BENCHMARK command line (fresh JVM, 2 ranges): %.0f events/s verifying, %.0f events/s"
              + " with the JVM's start (median of 3)%n",
          median(cli), median(cliWall));

      List<Double> viaApi = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        long started = System.nanoTime();
        Reply verification = api.get("/api/audit/verification", officer);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(verification.json().getString("status")).isEqualTo("OK");
        viaApi.add(verification.json().getJsonNumber("events").longValue() / seconds);
        System.out.printf("API %d: %.0f events/s%n", i + 1, viaApi.get(i));
      }
      System.out.printf(
          "BENCHMARK summary over %d events: limit %.0f/s; one connection %.0f/s (%.2f of the"
              + " limit); 2 ranges %.0f/s (%.2f); cursor %.0f/s; command line %.0f/s; API %.0f/s"
              + " (median of the last 3)%n",
          EVENTS,
          limit,
          one,
          one / limit,
          two,
          two / limit,
          cursor,
          median(cli),
          median(viaApi.subList(2, 5)));
    }
  }

  private interface Verification {
    ChainVerifier.Report run() throws Exception;
  }

  /** Repeats until three runs agree within 5% (at most 10); the median of the last three. */
  private static double steady(String what, Verification verification) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      long started = System.nanoTime();
      ChainVerifier.Report report = verification.run();
      double rate = report.events() / ((System.nanoTime() - started) / 1e9);
      assertThat(report.intact()).as(report.problem()).isTrue();
      assertThat(report.events()).isGreaterThanOrEqualTo(EVENTS);
      rates.add(rate);
      System.out.printf("WARMUP %s %d: %.0f events/s%n", what, i, rate);
      if (i >= 3 && spread(rates.subList(i - 3, i)) < 0.05) {
        break;
      }
    }
    double median = median(rates.subList(rates.size() - 3, rates.size()));
    System.out.printf("BENCHMARK %s: %.0f events/s%n", what, median);
    return median;
  }

  private static ChainVerifier.Report byCursor(String pem, TestDatabase db) throws Exception {
    try (Connection c = db.connect()) {
      return ChainInternals.byCursor(new ChainVerifier(CheckpointKeys.verifier(pem)), c);
    }
  }

  private static String commandLine(TestDatabase db, Path key) throws Exception {
    Path log = Files.createTempFile("verify-cli", ".log");
    Process process =
        Processes.start(
            List.of(
                Processes.java(),
                "-jar",
                Path.of("target/directorline-audit-verify.jar").toAbsolutePath().toString(),
                "--db-url",
                db.jdbcUrl(),
                "--db-user",
                TestDatabase.user(),
                "--public-key",
                key.toString(),
                "--threads",
                "2"),
            Map.of("DB_PASSWORD", TestDatabase.password()),
            log);
    assertThat(process.waitFor()).as(Files.readString(log)).isZero();
    return Files.readString(log);
  }

  /**
   * SHA-256 over the chain's canonical forms, built beforehand in memory: the work that must be.
   */
  private static double sha256ChainRate(TestDatabase db) throws Exception {
    List<byte[]> forms = new ArrayList<>();
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    try (Connection c = db.connect()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet rs =
            s.executeQuery(
                "SELECT "
                    + ChainFormat.COLUMNS
                    + " FROM audit_event e ORDER BY e.id LIMIT "
                    + Math.min(EVENTS, 300_000))) {
          long seq = 0;
          while (rs.next()) {
            forms.add(ChainInternals.canonical(hasher, ++seq, ChainFormat.EventRow.read(rs, 1)));
          }
        }
      }
    }
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    List<Double> rates = new ArrayList<>();
    byte[] previous = new byte[32];
    for (int round = 1; round <= 30; round++) {
      long started = System.nanoTime();
      for (byte[] form : forms) {
        sha256.update(previous);
        sha256.update(form);
        previous = sha256.digest();
      }
      rates.add(forms.size() / ((System.nanoTime() - started) / 1e9));
      System.out.printf("WARMUP limit %d: %.0f events/s%n", round, rates.get(round - 1));
      if (round >= 5 && spread(rates.subList(round - 3, round)) < 0.03) {
        break;
      }
    }
    return median(rates.subList(rates.size() - 3, rates.size()));
  }

  private static double spread(List<Double> values) {
    double max = values.stream().mapToDouble(d -> d).max().orElseThrow();
    double min = values.stream().mapToDouble(d -> d).min().orElseThrow();
    return (max - min) / max;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
