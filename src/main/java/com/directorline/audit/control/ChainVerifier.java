package com.directorline.audit.control;

import com.directorline.audit.control.ChainFormat.EventRow;
import com.google.crypto.tink.PublicKeyVerify;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Recomputes the whole chain from the stored events and checks every signed checkpoint against it,
 * on a plain JDBC connection, so the server and the command line run the same code.
 *
 * <p>What it tells apart, at the first broken position: an event row that is gone (deleted), a
 * position that is gone (chain rows deleted), an event whose hash no longer matches (altered), an
 * event that hashes correctly at another position (reordered), a checkpoint whose signature fails
 * (forged), a checkpoint that disagrees with the chain (the chain was rewritten), and a checkpoint
 * beyond the end of the chain (events cut off the end).
 */
public final class ChainVerifier {

  /** The verdict; {@code firstBrokenSeq} and {@code problem} are null when the chain is intact. */
  public record Report(
      boolean intact,
      long events,
      long checkpoints,
      Long firstBrokenSeq,
      String problem,
      Instant lastCheckpointAt) {

    static Report broken(long events, long checkpoints, long seq, String problem) {
      return new Report(false, events, checkpoints, seq, problem, null);
    }
  }

  private static final int FETCH = 10_000;
  private static final int REORDER_WINDOW = 64;

  private final PublicKeyVerify checkpointKey;

  public ChainVerifier(PublicKeyVerify checkpointKey) {
    this.checkpointKey = checkpointKey;
  }

  public Report verify(Connection connection) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      // PostgreSQL streams a result set only inside a transaction.
      connection.setAutoCommit(false);
    }
    try {
      return run(connection);
    } finally {
      if (autoCommit) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  private Report run(Connection connection) throws SQLException {
    List<Checkpoint> checkpoints = checkpoints(connection);
    int nextCheckpoint = 0;
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    byte[] previous = new byte[32];
    long expected = 1;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT c.seq, c.hash, "
                + ChainFormat.COLUMNS
                + " FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.event_id"
                + " ORDER BY c.seq")) {
      select.setFetchSize(FETCH);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          String stored = rs.getString(2);
          if (seq != expected) {
            return Report.broken(
                expected - 1,
                nextCheckpoint,
                expected,
                "missing: positions "
                    + expected
                    + (seq - 1 > expected ? " to " + (seq - 1) : "")
                    + " are gone from the chain");
          }
          rs.getLong(3);
          if (rs.wasNull()) {
            return Report.broken(
                seq - 1, nextCheckpoint, seq, "missing: the event at this position was deleted");
          }
          EventRow event = EventRow.read(rs, 3);
          byte[] computed = hasher.next(previous, seq, event);
          if (!MessageDigest.isEqual(computed, ChainFormat.bytes(stored))) {
            return Report.broken(
                seq - 1, nextCheckpoint, seq, mismatch(connection, seq, event, previous));
          }
          previous = computed;
          while (nextCheckpoint < checkpoints.size()
              && checkpoints.get(nextCheckpoint).seq() == seq) {
            String problem = checkpoints.get(nextCheckpoint).check(checkpointKey, stored);
            if (problem != null) {
              return Report.broken(seq, nextCheckpoint, seq, problem);
            }
            nextCheckpoint++;
          }
          expected++;
        }
      }
    }
    long events = expected - 1;
    if (nextCheckpoint < checkpoints.size()) {
      Checkpoint beyond = checkpoints.get(nextCheckpoint);
      return Report.broken(
          events,
          nextCheckpoint,
          events + 1,
          "missing: a checkpoint covers position "
              + beyond.seq()
              + " but the chain ends at "
              + events);
    }
    Instant last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).at();
    return new Report(true, events, checkpoints.size(), null, null, last);
  }

  /** Altered, or a neighbour's event moved here? Only on the failure path, so it may be slow. */
  private static String mismatch(Connection connection, long seq, EventRow event, byte[] previous)
      throws SQLException {
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    try (PreparedStatement near =
        connection.prepareStatement(
            "SELECT c.seq, c.hash, p.hash FROM audit_chain c"
                + " LEFT JOIN audit_chain p ON p.seq = c.seq - 1"
                + " WHERE c.seq BETWEEN ? AND ? AND c.seq <> ? ORDER BY c.seq")) {
      near.setLong(1, Math.max(1, seq - REORDER_WINDOW));
      near.setLong(2, seq + REORDER_WINDOW);
      near.setLong(3, seq);
      try (ResultSet rs = near.executeQuery()) {
        while (rs.next()) {
          long other = rs.getLong(1);
          String before = other == 1 ? ChainFormat.GENESIS : rs.getString(3);
          if (before == null) {
            continue;
          }
          byte[] there = hasher.next(ChainFormat.bytes(before), other, event);
          if (Arrays.equals(there, ChainFormat.bytes(rs.getString(2)))) {
            return "reordered: the event here belongs at position " + other;
          }
        }
      }
    }
    return "altered: the event's contents no longer match its hash";
  }

  private record Checkpoint(long seq, String headHash, Instant at, String signature) {

    String check(PublicKeyVerify key, String chainHash) {
      try {
        key.verify(
            Base64.getDecoder().decode(signature),
            ChainFormat.checkpointMessage(seq, headHash, at));
      } catch (GeneralSecurityException | IllegalArgumentException e) {
        return "forged checkpoint: the signature at position " + seq + " does not verify";
      }
      if (!headHash.equals(chainHash)) {
        return "rewritten: the signed checkpoint at position "
            + seq
            + " disagrees with the chain's hash";
      }
      return null;
    }
  }

  private static List<Checkpoint> checkpoints(Connection connection) throws SQLException {
    List<Checkpoint> all = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT seq, head_hash, signed_at, signature FROM audit_checkpoint ORDER BY seq");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        all.add(
            new Checkpoint(
                rs.getLong(1),
                rs.getString(2).strip(),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4)));
      }
    }
    return all;
  }
}
