package com.directorline.bench;

import com.directorline.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A year's trail of one clinic, generated inside PostgreSQL in one statement: 200 users, 50,000
 * patients, 100,000 emergencies, an event every 31 seconds, 2 % denied, 1 % errors, rare
 * break-glass. For the benchmarks that need a million events (AuditScaleBenchmark,
 * VerificationBenchmark); and how many events wait for the sealer (all three).
 */
final class GeneratedTrail {

  private GeneratedTrail() {}

  /** PostgreSQL's {@code md5(text)::uuid}, as the generators name users and emergencies. */
  static String md5Uuid(String text) {
    try {
      String hex =
          HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
      return hex.substring(0, 8)
          + "-"
          + hex.substring(8, 12)
          + "-"
          + hex.substring(12, 16)
          + "-"
          + hex.substring(16, 20)
          + "-"
          + hex.substring(20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Events the server's sealer has not chained yet. */
  static long unchained(TestDatabase db) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM audit_event) - (SELECT seq FROM audit_chain_head)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static void insert(Statement s, String clinic, int events) throws SQLException {
    s.execute(
        "INSERT INTO audit_event (id, occurred_at, user_id, username, roles, clinic_id,"
            + " client_ip, user_agent, action, object_type, object_id, patient_ref,"
            + " emergency_id, participant, outcome, reason, detail, purpose, justification,"
            + " correlation_id)"
            + " SELECT NEXTVAL('audit_event_seq'),"
            + " TIMESTAMPTZ '2025-11-20 00:00:00+00' + g * INTERVAL '31 seconds',"
            + " md5('user' || (g % 200))::uuid, 'user' || (g % 200),"
            + " CASE WHEN g % 3 = 0 THEN 'INJECTOR' ELSE 'DIRECTOR' END,"
            + " '"
            + clinic
            + "'::uuid, '10.0.' || (g % 250) || '.' || (g % 199),"
            + " 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)',"
            + " CASE WHEN g % 10 < 7 THEN 'READ' WHEN g % 10 < 9 THEN 'UPDATE' ELSE 'CREATE' END,"
            + " 'EMERGENCY', md5('em' || (g % 100000))::uuid::text,"
            + " 'MRN-' || ((g::bigint * 7919) % 50000),"
            + " md5('em' || (g % 100000))::uuid, g % 17 <> 0,"
            + " CASE WHEN g % 50 = 0 THEN 'DENIED' WHEN g % 97 = 0 THEN 'ERROR' ELSE 'SUCCESS' END,"
            + " CASE WHEN g % 50 = 0 THEN 'not-found' END, 'generated',"
            + " CASE WHEN g % 5000 = 0 THEN 'BREAK_GLASS' WHEN g % 10 = 9 THEN 'OPERATIONS'"
            + " ELSE 'TREATMENT' END,"
            + " CASE WHEN g % 5000 = 0 THEN 'complaint review' END,"
            + " md5('c' || g)::uuid::text"
            + " FROM generate_series(1, "
            + events
            + ") g");
  }
}
