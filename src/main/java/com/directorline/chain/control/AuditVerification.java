package com.directorline.chain.control;

import com.directorline.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verification on the server: the same {@link ChainVerifier} the command line runs, on a connection
 * of its own outside any transaction (it streams the whole chain), plus how many events still wait
 * for the sealer.
 */
@ApplicationScoped
public class AuditVerification {

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject AuditKeys keys;
  @Inject Clock clock;

  @Inject AuditSealing sealing;

  @Inject
  @ConfigProperty(name = "directorline.audit.checkpoint-copies-dir", defaultValue = "")
  String copiesDir;

  /**
   * The verdict, the events not chained yet, how many checkpoint copies outside the database it was
   * held to (null when there are none configured), whether the sealer is failing and since when.
   */
  public record Verdict(
      ChainVerifier.Report report,
      long pending,
      Integer outsideCopies,
      Instant sealerFailingSince,
      Instant checkedAt) {}

  public Verdict verify() {
    List<ChainVerifier.SignedCheckpoint> copies;
    try {
      copies = copiesDir.isBlank() ? List.of() : new CheckpointCopies(Path.of(copiesDir)).read();
    } catch (IOException e) {
      // An unreadable copy is not a verdict of OK.
      return new Verdict(
          ChainVerifier.Report.unverifiable(
              "the checkpoint copies outside the database cannot be" + " read: " + e.getMessage()),
          0,
          null,
          sealing.state().failingSince(),
          clock.instant());
    }
    try (Connection connection = dataSource.getConnection()) {
      ChainVerifier.Report report =
          new ChainVerifier(keys.verifier(), copies)
              .verify(dataSource::getConnection, Runtime.getRuntime().availableProcessors());
      return new Verdict(
          report,
          pending(connection),
          copiesDir.isBlank() ? null : copies.size(),
          sealing.state().failingSince(),
          clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("verification failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private static long pending(Connection connection) throws SQLException {
    try (PreparedStatement count =
            connection.prepareStatement(
                "SELECT COUNT(*) FROM audit_event e WHERE e.id > (SELECT floor_event_id FROM"
                    + " audit_chain_head WHERE id = 1) AND NOT EXISTS (SELECT 1 FROM audit_chain c"
                    + " WHERE c.event_id = e.id)");
        ResultSet rs = count.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The oldest event's time, for the retention statement; empty on an empty trail. */
  public Optional<Instant> oldestEvent() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement min =
            connection.prepareStatement("SELECT MIN(occurred_at) FROM audit_event");
        ResultSet rs = min.executeQuery()) {
      rs.next();
      OffsetDateTime at = rs.getObject(1, OffsetDateTime.class);
      return Optional.ofNullable(at).map(OffsetDateTime::toInstant);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the trail (SQL state " + e.getSQLState() + ")");
    }
  }
}
