package com.directorline.chain.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chain's sealing and verification on the real migrations (embedded H2 in PostgreSQL mode), and
 * every kind of tampering a database superuser could do: the verifier must name the first broken
 * position and what is wrong. (AuditTrailIT repeats the altered row on PostgreSQL through the API.)
 */
class ChainTest {

  private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
  private static final KeysetHandle KEYS = CheckpointKeys.generate();

  private Connection db;
  private String url;

  /** The checkpoint copies outside the database that verify() holds the chain to. */
  private List<ChainVerifier.SignedCheckpoint> copies = List.of();

  @TempDir Path outside;
  private ChainSealer sealer;

  @BeforeEach
  void migrate() throws SQLException {
    url =
        "jdbc:h2:mem:chain"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
    db = DriverManager.getConnection(url, "sa", "");
    sealer =
        new ChainSealer(
            new ChainSealer.Settings(7, 5, Duration.ofMinutes(5), Duration.ofMinutes(10)),
            new ChainSealer.Signer(CheckpointKeys.signer(KEYS), CheckpointKeys.keyId(KEYS)));
  }

  @AfterEach
  void close() throws SQLException {
    db.close();
  }

  private void insertEvents(int count, String patient) throws SQLException {
    try (PreparedStatement insert =
        db.prepareStatement(
            "INSERT INTO audit_event (id, occurred_at, user_id, username, roles, action,"
                + " object_type, object_id, patient_ref, participant, outcome, purpose,"
                + " correlation_id) VALUES (NEXTVAL('audit_event_seq'), ?, ?, 'dana', 'DIRECTOR',"
                + " 'READ', 'EMERGENCY', ?, ?, ?, 'SUCCESS', 'TREATMENT', ?)")) {
      for (int i = 0; i < count; i++) {
        insert.setObject(1, OffsetDateTime.ofInstant(T0.plusSeconds(i), ZoneOffset.UTC));
        insert.setObject(2, UUID.randomUUID());
        insert.setString(3, UUID.randomUUID().toString());
        insert.setString(4, patient);
        insert.setBoolean(5, i % 2 == 0);
        insert.setString(6, UUID.randomUUID().toString());
        insert.executeUpdate();
      }
    }
  }

  private void sealAll() throws SQLException {
    while (sealer.sealBatch(db, T0.plusSeconds(3600)).events() > 0) {
      // until nothing waits
    }
  }

  /** Verifies front to back and in parallel ranges of 3; both must give the same verdict. */
  private ChainVerifier.Report verify() throws SQLException {
    ChainVerifier.Report sequential =
        new ChainVerifier(CheckpointKeys.verifier(KEYS), copies).verify(db);
    ChainVerifier.Report parallel =
        new ChainVerifier(CheckpointKeys.verifier(KEYS), 3, copies)
            .verify(() -> DriverManager.getConnection(url, "sa", ""), 4);
    assertThat(parallel).as("parallel verification").isEqualTo(sequential);
    return sequential;
  }

  private void execute(String... statements) throws SQLException {
    try (Statement s = db.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** What a superuser can do on PostgreSQL (disable triggers); on H2, dropping them. */
  private void dropGuards() throws SQLException {
    for (String table : List.of("audit_event", "audit_chain", "audit_checkpoint")) {
      execute("DROP TRIGGER " + table + "_append_only");
    }
  }

  private long eventAt(long seq) throws SQLException {
    try (var rs =
        db.createStatement().executeQuery("SELECT event_id FROM audit_chain WHERE seq = " + seq)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void sealsInOrderWithCheckpointsAndVerifiesOk() throws SQLException {
    insertEvents(23, "MRN-1");
    sealAll();
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).as(report.problem()).isTrue();
    assertThat(report.events()).isEqualTo(23);
    // Every 5 events, plus one at the end of the first run because none had been written yet.
    assertThat(report.checkpoints()).isGreaterThanOrEqualTo(4);
    assertThat(report.firstBrokenSeq()).isNull();
  }

  @Test
  void eventsCommittedLaterAreChainedAfterTheOthers() throws SQLException {
    insertEvents(3, "MRN-1");
    sealAll();
    insertEvents(4, "MRN-2");
    sealAll();
    assertThat(verify().events()).isEqualTo(7);
    assertThat(verify().intact()).isTrue();
  }

  @Test
  void anEventCommittedAfterTheGracePeriodIsChainedByTheSweep() throws SQLException {
    long held;
    try (var rs = db.createStatement().executeQuery("SELECT NEXTVAL('audit_event_seq')")) {
      rs.next();
      held = rs.getLong(1); // a transaction takes an id and stays open
    }
    insertEvents(4, "MRN-1");
    sealAll(); // an hour later: the floor passes the held id
    execute(
        "INSERT INTO audit_event (id, occurred_at, action, object_type, outcome) VALUES ("
            + held
            + ", TIMESTAMP WITH TIME ZONE '2026-11-23 07:59:00+00', 'READ', 'EMERGENCY', 'SUCCESS')");
    assertThat(sealer.sealBatch(db, T0.plusSeconds(3700)).events()).isZero();
    assertThat(sealer.sealStragglers(db, T0.plusSeconds(3700)).events()).isEqualTo(1);
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).isTrue();
    assertThat(report.events()).isEqualTo(5);
  }

  /**
   * Back-dated events that committed after the sealer looked for new ones hold the floor below
   * them: they are chained at the next tick, not left to the hourly sweep.
   */
  @Test
  void theFloorNeverRisesPastAnEventThatIsNotChainedYet() throws SQLException {
    insertEvents(3, "MRN-1");
    sealAll();
    long floor;
    try (var rs =
        db.createStatement().executeQuery("SELECT floor_event_id FROM audit_chain_head")) {
      rs.next();
      floor = rs.getLong(1);
    }
    assertThat(floor).as("the sealed events are older than the grace").isPositive();
    insertEvents(5, "MRN-2"); // as old, not chained yet

    assertThat(ChainSealer.raisedFloor(db, floor, T0.plusSeconds(3600))).isEqualTo(floor);
    assertThat(sealer.sealBatch(db, T0.plusSeconds(3600)).events()).isEqualTo(5);
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).isTrue();
    assertThat(report.events()).isEqualTo(8);
  }

  @Test
  void theTablesRefuseUpdatesAndDeletes() throws SQLException {
    insertEvents(2, "MRN-1");
    sealAll();
    assertThatThrownBy(() -> execute("UPDATE audit_event SET username = 'mallory'"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("DELETE FROM audit_chain"))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> execute("UPDATE audit_checkpoint SET signature = 'x'"))
        .hasMessageContaining("append-only");
  }

  @Test
  void theHeadOnlyMovesForward() throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();

    for (String backwards :
        List.of(
            "UPDATE audit_chain_head SET seq = seq - 1",
            "UPDATE audit_chain_head SET floor_event_id = 0",
            "UPDATE audit_chain_head SET checkpoint_seq = 0",
            "UPDATE audit_chain_head SET hash = '" + ChainFormat.GENESIS + "'",
            "DELETE FROM audit_chain_head")) {
      assertThatThrownBy(() -> execute(backwards))
          .as(backwards)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("audit_chain_head");
    }
    insertEvents(3, "MRN-2");
    sealAll();
    assertThat(verify().intact()).as("the sealer still moves it forward").isTrue();
  }

  @Test
  void anAlteredRowIsReportedAtItsSequenceNumber() throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();
    dropGuards();
    execute("UPDATE audit_event SET username = 'mallory' WHERE id = " + eventAt(8));
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenSeq()).isEqualTo(8);
    assertThat(report.problem()).startsWith("altered");
    assertThat(report.events()).isEqualTo(7);
  }

  /** Every column the chain covers, changed alone, breaks the chain at that event's position. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "occurred_at    | occurred_at + INTERVAL '1' SECOND",
        "user_id        | RANDOM_UUID()",
        "username       | 'mallory'",
        "roles          | 'ADMIN'",
        "clinic_id      | RANDOM_UUID()",
        "client_ip      | '10.6.6.6'",
        "user_agent     | 'curl'",
        "action         | 'UPDATE'",
        "object_type    | 'USER'",
        "object_id      | 'another'",
        "patient_ref    | 'MRN-OTHER'",
        "emergency_id   | RANDOM_UUID()",
        "participant    | NOT participant",
        "outcome        | 'DENIED'",
        "reason         | 'a reason'",
        "detail         | 'a detail'",
        "purpose        | 'OPERATIONS'",
        "justification  | 'a justification'",
        "correlation_id | 'another-correlation'"
      })
  void changingAnyChainedColumnIsReportedAtItsSequenceNumber(String column, String value)
      throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();
    dropGuards();
    execute("UPDATE audit_event SET " + column + " = " + value + " WHERE id = " + eventAt(8));

    ChainVerifier.Report report = verify();

    assertThat(report.intact()).as(column).isFalse();
    assertThat(report.firstBrokenSeq()).as(column).isEqualTo(8);
    assertThat(report.problem()).as(column).startsWith("altered");
  }

  @Test
  void everyChainedColumnIsCoveredByTheTamperTest() {
    // The list above must grow with the chain: a column the chain adds must be tampered with too.
    assertThat(ChainFormat.COLUMNS.split(",")).hasSize(20);
  }

  @Test
  void aDeletedEventIsReportedAsMissing() throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();
    dropGuards();
    long event = eventAt(5);
    execute("DELETE FROM audit_chain WHERE seq = 5", "DELETE FROM audit_event WHERE id = " + event);
    ChainVerifier.Report report = verify();
    assertThat(report.firstBrokenSeq()).isEqualTo(5);
    assertThat(report.problem()).startsWith("missing");
  }

  @Test
  void anEventRowDeletedUnderItsChainEntryIsReportedAsMissing() throws SQLException {
    insertEvents(6, "MRN-1");
    sealAll();
    dropGuards();
    execute("SET REFERENTIAL_INTEGRITY FALSE", "DELETE FROM audit_event WHERE id = " + eventAt(3));
    ChainVerifier.Report report = verify();
    assertThat(report.firstBrokenSeq()).isEqualTo(3);
    assertThat(report.problem()).contains("deleted");
  }

  @Test
  void swappedEventsAreReportedAsReordered() throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();
    dropGuards();
    long sixth = eventAt(6);
    long seventh = eventAt(7);
    execute(
        "SET REFERENTIAL_INTEGRITY FALSE",
        "UPDATE audit_chain SET event_id = -1 WHERE seq = 6",
        "UPDATE audit_chain SET event_id = " + sixth + " WHERE seq = 7",
        "UPDATE audit_chain SET event_id = " + seventh + " WHERE seq = 6");
    ChainVerifier.Report report = verify();
    assertThat(report.firstBrokenSeq()).isEqualTo(6);
    assertThat(report.problem()).isEqualTo("reordered: the event here belongs at position 7");
  }

  @Test
  void aForgedCheckpointSignatureIsReported() throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();
    dropGuards();
    execute(
        "UPDATE audit_checkpoint SET signature = '"
            + Base64.getEncoder().encodeToString(new byte[64])
            + "' WHERE seq = 10");
    ChainVerifier.Report report = verify();
    assertThat(report.firstBrokenSeq()).isEqualTo(10);
    assertThat(report.problem()).startsWith("forged checkpoint");
  }

  @Test
  void aChainRewrittenWithoutTheKeyDisagreesWithTheSignedCheckpoints() throws SQLException {
    insertEvents(12, "MRN-1");
    sealAll();
    dropGuards();
    // The attacker alters an event and recomputes every hash after it, but cannot sign.
    execute("UPDATE audit_event SET username = 'mallory' WHERE id = " + eventAt(3));
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    byte[] previous = new byte[32];
    for (long seq = 1; seq <= 12; seq++) {
      try (var rs =
          db.createStatement()
              .executeQuery(
                  "SELECT "
                      + ChainFormat.COLUMNS
                      + " FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE c.seq = "
                      + seq)) {
        rs.next();
        previous = hasher.next(previous, seq, ChainFormat.EventRow.read(rs, 1));
      }
      execute(
          "UPDATE audit_chain SET hash = '" + ChainFormat.hex(previous) + "' WHERE seq = " + seq);
    }
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenSeq()).isEqualTo(5);
    assertThat(report.problem()).startsWith("rewritten");
  }

  @Test
  void eventsCutOffTheEndAreReportedWhenACheckpointCoveredThem() throws SQLException {
    insertEvents(10, "MRN-1");
    sealAll();
    dropGuards();
    execute("SET REFERENTIAL_INTEGRITY FALSE", "DELETE FROM audit_chain WHERE seq > 7");
    ChainVerifier.Report report = verify();
    assertThat(report.firstBrokenSeq()).isEqualTo(8);
    assertThat(report.problem()).contains("checkpoint covers position 10");
  }

  /** Copies the checkpoints outside the database, as the server does after each sealing. */
  private void copyCheckpoints() throws Exception {
    new CheckpointCopies(outside).copyNew(db);
    copies = new CheckpointCopies(outside).read();
  }

  @Test
  void cuttingOffTheLastCheckpointAndItsEventsIsFoundByTheCopyOutside() throws Exception {
    insertEvents(15, "MRN-1");
    sealAll();
    copyCheckpoints();
    assertThat(copies).extracting(ChainVerifier.SignedCheckpoint::seq).contains(10L, 15L);
    dropGuards();
    // The database alone cannot tell: the last checkpoint goes with the events after the previous.
    execute(
        "SET REFERENTIAL_INTEGRITY FALSE",
        "DELETE FROM audit_checkpoint WHERE seq > 10",
        "DELETE FROM audit_chain WHERE seq > 10");
    List<ChainVerifier.SignedCheckpoint> kept = copies;
    copies = List.of();
    assertThat(verify().intact()).as("without the copies").isTrue();

    copies = kept;
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenSeq()).isEqualTo(11);
    assertThat(report.problem()).contains("checkpoint covers position 15");
  }

  @Test
  void eventsRewrittenAfterACheckpointAreFoundByItsCopyOutside() throws Exception {
    insertEvents(15, "MRN-1");
    sealAll();
    copyCheckpoints();
    dropGuards();
    // Alter position 14, recompute the hashes after it, and drop the checkpoint at 15 that now
    // disagrees: the database's own checkpoints then all hold.
    execute("UPDATE audit_event SET username = 'mallory' WHERE id = " + eventAt(14));
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    byte[] previous = ChainFormat.bytes(storedHash(13));
    for (long seq = 14; seq <= 15; seq++) {
      try (var rs =
          db.createStatement()
              .executeQuery(
                  "SELECT "
                      + ChainFormat.COLUMNS
                      + " FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE c.seq = "
                      + seq)) {
        rs.next();
        previous = hasher.next(previous, seq, ChainFormat.EventRow.read(rs, 1));
      }
      execute(
          "UPDATE audit_chain SET hash = '" + ChainFormat.hex(previous) + "' WHERE seq = " + seq);
    }
    execute("DELETE FROM audit_checkpoint WHERE seq = 15");
    List<ChainVerifier.SignedCheckpoint> kept = copies;
    copies = List.of();
    assertThat(verify().intact()).as("without the copies").isTrue();

    copies = kept;
    ChainVerifier.Report report = verify();
    assertThat(report.intact()).isFalse();
    assertThat(report.firstBrokenSeq()).isEqualTo(15);
    assertThat(report.problem()).startsWith("rewritten");
  }

  @Test
  void aForgedCopyOutsideIsReportedLikeAForgedCheckpoint() throws Exception {
    insertEvents(12, "MRN-1");
    sealAll();
    copyCheckpoints();
    ChainVerifier.SignedCheckpoint last = copies.get(copies.size() - 1);
    copies =
        List.of(
            new ChainVerifier.SignedCheckpoint(
                last.seq() + 5, last.headHash(), last.at(), last.signature()));

    ChainVerifier.Report report = verify();

    assertThat(report.intact()).isFalse();
    assertThat(report.problem()).contains("checkpoint covers position " + (last.seq() + 5));
  }

  @Test
  void theCopiesAreAppendedOnceAndSurviveAReread() throws Exception {
    insertEvents(6, "MRN-1");
    sealAll();
    copyCheckpoints();
    int first = copies.size();
    insertEvents(6, "MRN-2");
    sealAll();
    copyCheckpoints();
    copyCheckpoints();

    assertThat(copies).hasSizeGreaterThan(first);
    assertThat(copies)
        .extracting(ChainVerifier.SignedCheckpoint::seq)
        .doesNotHaveDuplicates()
        .isSorted();
    assertThat(verify().intact()).isTrue();
  }

  private String storedHash(long seq) throws SQLException {
    try (var rs =
        db.createStatement().executeQuery("SELECT hash FROM audit_chain WHERE seq = " + seq)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void anotherKeyCannotVouchForTheCheckpoints() throws SQLException {
    insertEvents(6, "MRN-1");
    sealAll();
    KeysetHandle other = CheckpointKeys.generate();
    ChainVerifier.Report report = new ChainVerifier(CheckpointKeys.verifier(other)).verify(db);
    assertThat(report.intact()).isFalse();
    assertThat(report.problem()).startsWith("forged checkpoint");
  }

  @Test
  void thePemExportVerifiesLikeTheKeyset() throws SQLException {
    insertEvents(6, "MRN-1");
    sealAll();
    String pem = CheckpointKeys.publicKeyPem(KEYS);
    assertThat(new ChainVerifier(CheckpointKeys.verifier(pem)).verify(db).intact()).isTrue();
    String json = CheckpointKeys.publicKeysetJson(KEYS);
    assertThat(json).doesNotContain("privateKey");
    assertThat(new ChainVerifier(CheckpointKeys.verifier(json)).verify(db).intact()).isTrue();
  }
}
