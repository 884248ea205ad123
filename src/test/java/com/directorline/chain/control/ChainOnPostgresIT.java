package com.directorline.chain.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.TestDatabase;
import com.google.crypto.tink.KeysetHandle;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verifier reads PostgreSQL's rows through COPY and writes the canonical form from their text
 * ({@link ChainCopy}); the sealer chained them from JDBC values. Over events with every awkward
 * value (escapes, characters beyond the basic plane, nulls, booleans, times with and without
 * fractions, before 1970), both readings must agree: intact, and broken at the same position for
 * the same reason after each kind of tampering.
 */
class ChainOnPostgresIT {

  private static final KeysetHandle KEYS = CheckpointKeys.generate();
  private static final Instant T0 = Instant.parse("2026-03-08T09:59:59Z");

  /** Texts COPY escapes or that count differently in bytes and in UTF-16 units. */
  private static final List<String> AWKWARD =
      List.of(
          "plain",
          "tab\there, newline\nthere, return\r, backslash \\ and \\N",
          "Müller, Ødegaard, 日本語",
          "emoji 🙂 and a musical G clef 𝄞",
          "bell \u0007 back\b form\f vertical\u000B",
          "");

  private TestDatabase database;
  private Connection db;

  @BeforeEach
  void migrate() throws SQLException {
    database = TestDatabase.createAnother();
    Flyway.configure()
        .dataSource(database.jdbcUrl(), TestDatabase.user(), TestDatabase.password())
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
    db = database.connect();
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  @Test
  void copyAndCursorAgreeOnAwkwardValuesIntactAndAfterEveryKindOfTampering() throws Exception {
    insertAwkwardEvents(40);
    ChainSealer sealer =
        new ChainSealer(
            new ChainSealer.Settings(7, 5, Duration.ofMinutes(5), Duration.ofMinutes(10)),
            new ChainSealer.Signer(CheckpointKeys.signer(KEYS), CheckpointKeys.keyId(KEYS)));
    while (sealer.sealBatch(db, T0.plusSeconds(7200)).events() > 0) {
      // until nothing waits
    }

    ChainVerifier.Report intact = bothWays();
    assertThat(intact.intact()).as(intact.problem()).isTrue();
    assertThat(intact.events()).isEqualTo(count("SELECT COUNT(*) FROM audit_event"));

    // What a superuser can do: the append-only guards and the foreign keys off.
    execute("ALTER TABLE audit_event DISABLE TRIGGER ALL");
    execute("ALTER TABLE audit_chain DISABLE TRIGGER ALL");

    execute("DELETE FROM audit_event WHERE id = " + eventAt(33));
    ChainVerifier.Report deleted = bothWays();
    assertThat(deleted.firstBrokenSeq()).isEqualTo(33);
    assertThat(deleted.problem()).startsWith("missing");

    execute("UPDATE audit_event SET user_agent = user_agent || ' 🙃' WHERE id = " + eventAt(22));
    ChainVerifier.Report altered = bothWays();
    assertThat(altered.firstBrokenSeq()).isEqualTo(22);
    assertThat(altered.problem()).startsWith("altered");

    execute(
        "UPDATE audit_event SET occurred_at = occurred_at + INTERVAL '1 microsecond' WHERE id = "
            + eventAt(15));
    ChainVerifier.Report later = bothWays();
    assertThat(later.firstBrokenSeq()).isEqualTo(15);
    assertThat(later.problem()).startsWith("altered");

    long sixth = eventAt(6);
    long seventh = eventAt(7);
    execute(
        "UPDATE audit_chain SET event_id = -1 WHERE seq = 6",
        "UPDATE audit_chain SET event_id = " + sixth + " WHERE seq = 7",
        "UPDATE audit_chain SET event_id = " + seventh + " WHERE seq = 6");
    ChainVerifier.Report swapped = bothWays();
    assertThat(swapped.firstBrokenSeq()).isEqualTo(6);
    assertThat(swapped.problem()).isEqualTo("reordered: the event here belongs at position 7");

    execute("DELETE FROM audit_chain WHERE seq = 3");
    ChainVerifier.Report gone = bothWays();
    assertThat(gone.firstBrokenSeq()).isEqualTo(3);
    assertThat(gone.problem()).startsWith("missing");
  }

  /** Verifies through COPY and through a cursor, front to back and in ranges: one verdict. */
  private ChainVerifier.Report bothWays() throws SQLException {
    ChainVerifier.Report byCopy = new ChainVerifier(CheckpointKeys.verifier(KEYS)).verify(db);
    ChainVerifier.Report byCursor =
        new ChainVerifier(CheckpointKeys.verifier(KEYS)).readingByCursor().verify(db);
    ChainVerifier.Report inRanges =
        new ChainVerifier(CheckpointKeys.verifier(KEYS), 4, List.of()).verify(database::connect, 3);
    assertThat(byCopy).as("COPY against the cursor").isEqualTo(byCursor);
    assertThat(inRanges).as("ranges by COPY against front to back").isEqualTo(byCopy);
    return byCopy;
  }

  private void insertAwkwardEvents(int count) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO audit_event (id, occurred_at, user_id, username, roles, clinic_id,"
                + " client_ip, user_agent, action, object_type, object_id, patient_ref,"
                + " emergency_id, participant, outcome, reason, detail, purpose, justification,"
                + " correlation_id) VALUES (NEXTVAL('audit_event_seq'), ?, ?, ?, 'DIRECTOR', ?,"
                + " '10.0.0.1', ?, 'READ', 'EMERGENCY', ?, ?, ?, ?, 'SUCCESS', ?, ?,"
                + " 'TREATMENT', NULL, ?)")) {
      for (int i = 0; i < count; i++) {
        // Whole seconds, milliseconds, microseconds, one microsecond, and before 1970.
        Instant at =
            switch (i % 5) {
              case 0 -> T0.plusSeconds(i);
              case 1 -> T0.plusMillis(i * 1001L);
              case 2 -> T0.plusNanos(i * 1_234_567_000L + 123_456_000L);
              case 3 -> T0.plusSeconds(i).plusNanos(1_000);
              default -> Instant.parse("1969-12-31T23:59:59.999999Z").minusSeconds(i);
            };
        String awkward = AWKWARD.get(i % AWKWARD.size());
        insert.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        insert.setObject(2, i % 7 == 0 ? null : UUID.randomUUID());
        insert.setString(3, i % 4 == 0 ? "dana" : "Zoë 🙂");
        insert.setObject(4, i % 3 == 0 ? null : UUID.randomUUID());
        insert.setString(5, awkward);
        insert.setString(6, UUID.randomUUID().toString());
        insert.setString(7, i % 2 == 0 ? "MRN-" + i : null);
        insert.setObject(8, UUID.randomUUID());
        if (i % 3 == 2) {
          insert.setNull(9, Types.BOOLEAN);
        } else {
          insert.setBoolean(9, i % 3 == 0);
        }
        insert.setString(10, i % 5 == 0 ? null : "reason " + awkward);
        insert.setString(11, awkward.isEmpty() ? null : awkward);
        insert.setString(12, UUID.randomUUID().toString());
        insert.executeUpdate();
      }
    }
  }

  private long count(String sql) throws SQLException {
    try (Statement s = db.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private long eventAt(long seq) throws SQLException {
    try (Statement s = db.createStatement();
        var rs = s.executeQuery("SELECT event_id FROM audit_chain WHERE seq = " + seq)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String... statements) throws SQLException {
    try (Statement s = db.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
