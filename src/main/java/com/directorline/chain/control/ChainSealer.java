package com.directorline.chain.control;

import com.directorline.chain.control.ChainFormat.EventRow;
import com.google.crypto.tink.PublicKeySign;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Chains committed audit events in order, on one connection inside the caller's transaction.
 *
 * <p>Why a sealer and not a hash computed by each request: a request would have to lock the chain's
 * head from its insert until its commit, so every audited request in the system would queue behind
 * one lock. Requests only insert; the sealer takes the head's row lock for a few milliseconds per
 * batch (serialising sealers across instances), gives each newly committed event the next position,
 * and signs a checkpoint every N events or M minutes.
 *
 * <p>Which events are new: those above the floor without a chain row. The floor only rises past ids
 * whose events are older than the grace period, because a transaction may hold an id taken earlier
 * and commit later; ids come from one sequence, so an id below an event older than the grace
 * belongs to a transaction that started before it and has long ended.
 */
public final class ChainSealer {

  /** How the sealer is tuned; see docs/configuration.md. */
  public record Settings(
      int batchSize, long checkpointEveryEvents, Duration checkpointEvery, Duration grace) {}

  /** The signing key and its id. */
  public record Signer(PublicKeySign sign, String keyId) {}

  /** What one run did. */
  public record Sealed(int events, int checkpoints, long headSeq) {}

  private final Settings settings;
  private final Signer signer;
  private final ChainFormat.Hasher hasher = new ChainFormat.Hasher();

  public ChainSealer(Settings settings, Signer signer) {
    this.settings = settings;
    this.signer = signer;
  }

  /** Chains the next batch of new events above the floor. */
  public Sealed sealBatch(Connection connection, Instant now) throws SQLException {
    return seal(connection, now, false);
  }

  /**
   * Also looks below the floor, for an event whose transaction committed after the grace period: a
   * full scan, so it runs at startup and hourly, not every tick.
   */
  public Sealed sealStragglers(Connection connection, Instant now) throws SQLException {
    return seal(connection, now, true);
  }

  private synchronized Sealed seal(Connection connection, Instant now, boolean everything)
      throws SQLException {
    long seq;
    String head;
    long floor;
    long checkpointSeq;
    Instant checkpointAt;
    try (PreparedStatement lock =
            connection.prepareStatement(
                "SELECT seq, hash, floor_event_id, checkpoint_seq, checkpoint_at"
                    + " FROM audit_chain_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = lock.executeQuery()) {
      if (!rs.next()) {
        throw new SQLException("audit_chain_head has no row; the V4 migration was not applied");
      }
      seq = rs.getLong(1);
      head = rs.getString(2);
      floor = rs.getLong(3);
      checkpointSeq = rs.getLong(4);
      OffsetDateTime at = rs.getObject(5, OffsetDateTime.class);
      checkpointAt = at == null ? null : at.toInstant();
    }
    List<EventRow> fresh = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + ChainFormat.COLUMNS
                + " FROM audit_event e WHERE e.id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id) ORDER BY e.id")) {
      select.setLong(1, everything ? 0 : floor);
      select.setMaxRows(settings.batchSize());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          fresh.add(EventRow.read(rs, 1));
        }
      }
    }
    int checkpoints = 0;
    byte[] previous = ChainFormat.bytes(head);
    if (!fresh.isEmpty()) {
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO audit_chain (seq, event_id, hash) VALUES (?, ?, ?)")) {
        for (EventRow event : fresh) {
          seq++;
          previous = hasher.next(previous, seq, event);
          head = ChainFormat.hex(previous);
          insert.setLong(1, seq);
          insert.setLong(2, event.id());
          insert.setString(3, head);
          insert.addBatch();
          if (seq - checkpointSeq >= settings.checkpointEveryEvents()) {
            insert.executeBatch();
            checkpointAt = checkpoint(connection, seq, head, now);
            checkpointSeq = seq;
            checkpoints++;
          }
        }
        insert.executeBatch();
      }
    }
    boolean timeForCheckpoint =
        seq > checkpointSeq
            && (checkpointAt == null
                || !now.isBefore(checkpointAt.plus(settings.checkpointEvery())));
    if (timeForCheckpoint) {
      checkpointAt = checkpoint(connection, seq, head, now);
      checkpointSeq = seq;
      checkpoints++;
    }
    if (fresh.size() < settings.batchSize()) {
      floor = raisedFloor(connection, floor, now.minus(settings.grace()));
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE audit_chain_head SET seq = ?, hash = ?, floor_event_id = ?, checkpoint_seq = ?,"
                + " checkpoint_at = ? WHERE id = 1")) {
      update.setLong(1, seq);
      update.setString(2, head);
      update.setLong(3, floor);
      update.setLong(4, checkpointSeq);
      update.setObject(
          5, checkpointAt == null ? null : OffsetDateTime.ofInstant(checkpointAt, ZoneOffset.UTC));
      update.executeUpdate();
    }
    return new Sealed(fresh.size(), checkpoints, seq);
  }

  /**
   * The floor raised past ids whose events are older than {@code olderThan}, but never past an
   * event it can see and that is not chained yet: one statement, so one snapshot. (Two statements
   * let a bulk of back-dated events that committed between them lift the floor over all of them,
   * unchained, leaving them to the hourly sweep: seen with a million generated events.)
   */
  static long raisedFloor(Connection connection, long floor, Instant olderThan)
      throws SQLException {
    try (PreparedStatement max =
        connection.prepareStatement(
            "SELECT (SELECT MAX(id) FROM audit_event WHERE id > ? AND occurred_at < ?),"
                + " (SELECT MIN(e.id) FROM audit_event e WHERE e.id > ? AND NOT EXISTS"
                + " (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id))")) {
      max.setLong(1, floor);
      max.setObject(2, OffsetDateTime.ofInstant(olderThan, ZoneOffset.UTC));
      max.setLong(3, floor);
      try (ResultSet rs = max.executeQuery()) {
        rs.next();
        long raised = rs.getLong(1);
        if (rs.wasNull()) {
          return floor;
        }
        long firstUnchained = rs.getLong(2);
        if (!rs.wasNull()) {
          raised = Math.min(raised, firstUnchained - 1);
        }
        return Math.max(floor, raised);
      }
    }
  }

  private Instant checkpoint(Connection connection, long seq, String head, Instant now)
      throws SQLException {
    Instant at = now.truncatedTo(ChronoUnit.MICROS);
    String signature;
    try {
      signature =
          Base64.getEncoder()
              .encodeToString(signer.sign().sign(ChainFormat.checkpointMessage(seq, head, at)));
    } catch (GeneralSecurityException e) {
      throw new SQLException("cannot sign the audit checkpoint at " + seq, e);
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO audit_checkpoint (seq, head_hash, signed_at, key_id, signature)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setLong(1, seq);
      insert.setString(2, head);
      insert.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
      insert.setString(4, signer.keyId());
      insert.setString(5, signature);
      insert.executeUpdate();
    }
    return at;
  }
}
