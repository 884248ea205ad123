package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestRun;
import com.directorline.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: the compliance search over one million events spread over ten clinics
 * (the officer's clinic holds a tenth), on a server run as production on PostgreSQL, after its
 * sealer has chained them all. For every filter: the first page, and the page 2,000 pages deep
 * (size 50) reached by the cursor of the page before it, which the benchmark finds in SQL; for the
 * unfiltered search also page 2,000 by number (an offset), for comparison. Latency from the request
 * to the answer, 20 warm-up searches and 200 measured each. Run on demand (docs/performance.md):
 *
 * <pre>
 * mvn -B -ntp verify -Dit.test=AuditSearchBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class AuditSearchBenchmark {

  private static final int EVENTS = Integer.getInteger("bench.events", 1_000_000);
  private static final int SIZE = 50;
  private static final int DEEP_PAGE = 2_000;

  /** The deepest page a number reaches (5,000 events; deeper pages follow the cursor). */
  private static final int DEEPEST_BY_NUMBER = 5_000 / SIZE;

  private static final int SEARCHES = 100;
  private static final int DAYS = (int) (EVENTS * 31L / 86400);

  @Test
  void searchFirstAndDeepPagesOverAMillionEventsInTenClinics() throws Exception {
    TestDatabase db = TestDatabase.createAnother();
    try (TestServer server = TestServer.startAsProduction("search-bench", db, Map.of())) {
      Api api = server.api();
      String officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
      String clinic = api.get("/api/me", officer).json().getJsonArray("clinicIds").getString(0);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO audit_event (id, occurred_at, user_id, username, roles, clinic_id,"
                + " client_ip, user_agent, action, object_type, object_id, patient_ref,"
                + " emergency_id, participant, outcome, reason, detail, purpose, justification,"
                + " correlation_id)"
                + " SELECT NEXTVAL('audit_event_seq'),"
                + " TIMESTAMPTZ '2025-11-20 00:00:00+00' + g * INTERVAL '31 seconds',"
                + " md5('user' || (g % 200))::uuid, 'user' || (g % 200),"
                + " CASE WHEN g % 3 = 0 THEN 'INJECTOR' ELSE 'DIRECTOR' END,"
                + " CASE WHEN g % 10 = 0 THEN '"
                + clinic
                + "'::uuid ELSE md5('clinic' || (g % 10))::uuid END,"
                + " '10.0.' || (g % 250) || '.' || (g % 199),"
                + " 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)',"
                + " CASE WHEN g % 7 < 5 THEN 'READ' WHEN g % 7 < 6 THEN 'UPDATE' ELSE 'CREATE' END,"
                + " 'EMERGENCY', md5('em' || (g % 100000))::uuid::text,"
                + " 'MRN-' || ((g::bigint * 7919) % 50000),"
                + " md5('em' || (g % 100000))::uuid, g % 17 <> 0,"
                + " CASE WHEN g % 53 = 0 THEN 'DENIED' WHEN g % 97 = 0 THEN 'ERROR' ELSE 'SUCCESS'"
                + " END, CASE WHEN g % 53 = 0 THEN 'not-found' END, 'generated',"
                + " CASE WHEN g % 4999 = 0 THEN 'BREAK_GLASS' WHEN g % 11 = 9 THEN 'OPERATIONS'"
                + " ELSE 'TREATMENT' END,"
                + " CASE WHEN g % 4999 = 0 THEN 'complaint review' END,"
                + " md5('c' || g)::uuid::text"
                + " FROM generate_series(1, "
                + EVENTS
                + ") g");
        s.execute("ANALYZE audit_event");
      }
      // The searches run once the server's sealer has chained the generated events, not beside it.
      Awaitility.await()
          .atMost(Duration.ofMinutes(20))
          .pollInterval(Duration.ofSeconds(2))
          .until(() -> GeneratedTrail.unchained(db) == 0);
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE audit_event");
        s.execute("VACUUM ANALYZE audit_chain");
      }

      Random random = new Random(42);
      Map<String, Supplier<Filter>> filters = new LinkedHashMap<>();
      filters.put("none", () -> new Filter("", ""));
      filters.put(
          "from+to (one week)",
          () -> {
            Instant from =
                Instant.parse("2025-11-20T00:00:00Z")
                    .plusSeconds(random.nextInt(DAYS - 14) * 86400L);
            Instant to = from.plusSeconds(7 * 86400);
            return new Filter(
                "&from=" + from + "&to=" + to,
                " AND occurred_at >= '" + from + "' AND occurred_at < '" + to + "'");
          });
      filters.put(
          "userId",
          () -> {
            // Users with events in the officer's clinic: there g % 10 = 0, so g % 200 is too.
            String user = GeneratedTrail.md5Uuid("user" + (random.nextInt(20) * 10));
            return new Filter("&userId=" + user, " AND user_id = '" + user + "'");
          });
      filters.put(
          "patientRef",
          () -> {
            String patient = "MRN-" + (random.nextInt(5000) * 10);
            return new Filter("&patientRef=" + patient, " AND patient_ref = '" + patient + "'");
          });
      filters.put(
          "emergencyId",
          () -> {
            String emergency = GeneratedTrail.md5Uuid("em" + (random.nextInt(10000) * 10));
            return new Filter(
                "&emergencyId=" + emergency, " AND emergency_id = '" + emergency + "'");
          });
      filters.put(
          "action",
          () -> {
            String action = List.of("READ", "UPDATE", "CREATE").get(random.nextInt(3));
            return new Filter("&action=" + action, " AND action = '" + action + "'");
          });
      filters.put(
          "outcome",
          () -> {
            String outcome = List.of("DENIED", "ERROR", "SUCCESS").get(random.nextInt(3));
            return new Filter("&outcome=" + outcome, " AND outcome = '" + outcome + "'");
          });
      filters.put(
          "purpose",
          () -> {
            String purpose =
                List.of("BREAK_GLASS", "OPERATIONS", "TREATMENT").get(random.nextInt(3));
            return new Filter("&purpose=" + purpose, " AND purpose = '" + purpose + "'");
          });

      // Warm-up: blocks of 50 searches (every filter in turn, page 1) until the block's median is
      // steady (three within 10%, at least 6 blocks); each filter then has 20 more of its own.
      List<Double> blocks = new ArrayList<>();
      List<Supplier<Filter>> all = new ArrayList<>(filters.values());
      for (int block = 1; block <= 40; block++) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          Filter f = all.get(i % all.size()).get();
          long t = System.nanoTime();
          Reply reply = api.get("/api/audit/events?size=" + SIZE + f.query(), officer);
          times.add((System.nanoTime() - t) / 1e6);
          assertThat(reply.status()).isEqualTo(200);
        }
        officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
        times.sort(null);
        blocks.add(times.get(times.size() / 2));
        System.out.printf("WARMUP %d: 50 searches, p50 %.1f ms%n", block, blocks.get(block - 1));
        int n = blocks.size();
        if (n >= 6
            && Math.abs(blocks.get(n - 1) - blocks.get(n - 2)) / blocks.get(n - 1) < 0.10
            && Math.abs(blocks.get(n - 1) - blocks.get(n - 3)) / blocks.get(n - 1) < 0.10) {
          System.out.println("WARMUP steady");
          break;
        }
      }

      for (var filter : filters.entrySet()) {
        for (boolean deep : List.of(false, true)) {
          List<Double> millis = new ArrayList<>();
          long deepest = 0;
          for (int i = 0; i < 20 + SEARCHES; i++) {
            Filter f = filter.getValue().get();
            String query = "/api/audit/events?size=" + SIZE + f.query();
            if (deep) {
              Deep cursor = cursor(db, clinic, f.sql());
              deepest = Math.max(deepest, cursor.page());
              query += cursor.after() == null ? "" : "&after=" + cursor.after();
            }
            long t = System.nanoTime();
            Reply reply = api.get(query, officer);
            double ms = (System.nanoTime() - t) / 1e6;
            assertThat(reply.status()).as(query + " " + reply).isEqualTo(200);
            if (i >= 20) {
              millis.add(ms);
            }
            if (i % 50 == 0) {
              officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
            }
          }
          report(
              filter.getKey() + (deep ? " page " + DEEP_PAGE + " by cursor" : " page 1"),
              millis,
              deep ? " (deepest page reached " + deepest + ")" : "");
        }
      }
      List<Double> offset = new ArrayList<>();
      for (int i = 0; i < 20 + SEARCHES; i++) {
        long t = System.nanoTime();
        Reply reply =
            api.get("/api/audit/events?size=" + SIZE + "&page=" + DEEPEST_BY_NUMBER, officer);
        double ms = (System.nanoTime() - t) / 1e6;
        assertThat(reply.status()).isEqualTo(200);
        if (i >= 20) {
          offset.add(ms);
        }
        if (i % 50 == 0) {
          officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
        }
      }
      report("none page " + (DEEPEST_BY_NUMBER + 1) + " by number (offset)", offset, "");
    }
  }

  private record Filter(String query, String sql) {}

  private record Deep(String after, long page) {}

  /**
   * The cursor of the page before page 2,000 of this filter in the officer's clinic (or of the
   * deepest page there is, for filters with fewer matches), found in SQL as the search's API would
   * have handed it out.
   */
  private static Deep cursor(TestDatabase db, String clinic, String where) throws Exception {
    try (Connection c = db.connect();
        PreparedStatement count =
            c.prepareStatement(
                "SELECT count(*) FROM (SELECT 1 FROM audit_event WHERE clinic_id = ?::uuid"
                    + where
                    + " LIMIT "
                    + (DEEP_PAGE * SIZE)
                    + ") m")) {
      count.setString(1, clinic);
      long matches;
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        matches = rs.getLong(1);
      }
      long page = Math.max(1, Math.min(DEEP_PAGE, (matches + SIZE - 1) / SIZE));
      if (page == 1) {
        return new Deep(null, 1);
      }
      try (PreparedStatement before =
          c.prepareStatement(
              "SELECT occurred_at, id FROM audit_event WHERE clinic_id = ?::uuid"
                  + where
                  + " ORDER BY occurred_at DESC, id DESC OFFSET "
                  + ((page - 1) * SIZE - 1)
                  + " LIMIT 1")) {
        before.setString(1, clinic);
        try (ResultSet rs = before.executeQuery()) {
          rs.next();
          Instant at = rs.getTimestamp(1).toInstant();
          String token =
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString((at + "|" + rs.getLong(2)).getBytes(StandardCharsets.US_ASCII));
          return new Deep(token, page);
        }
      }
    }
  }

  private static void report(String what, List<Double> millis, String more) {
    List<Double> sorted = millis.stream().sorted().toList();
    System.out.printf(
        "BENCHMARK audit-search %s: p50=%.0f ms p95=%.0f ms max=%.0f ms (%d searches)%s%n",
        what,
        sorted.get(sorted.size() / 2),
        sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1),
        sorted.get(sorted.size() - 1),
        sorted.size(),
        more);
  }
}
