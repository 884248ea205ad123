package com.directorline.chain.control;

import com.directorline.chain.control.ChainFormat.EventRow;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /** Not verified at all: what is needed for it cannot be read. */
    public static Report unverifiable(String problem) {
      return new Report(false, 0, 0, null, problem, null);
    }
  }

  private static final int FETCH = 10_000;
  private static final int REORDER_WINDOW = 64;

  /** Opens a connection of its own for each worker. */
  @FunctionalInterface
  public interface Connections {
    Connection open() throws SQLException;
  }

  private final PublicKeyVerify checkpointKey;
  private final long minRange;

  /** PostgreSQL's rows through COPY (the default); off, through a JDBC cursor as elsewhere. */
  private boolean byCopy = true;

  private final List<SignedCheckpoint> outside;

  public ChainVerifier(PublicKeyVerify checkpointKey) {
    this(checkpointKey, 50_000, List.of());
  }

  /**
   * Also holds the database to the copies of its checkpoints kept outside it: a copy whose position
   * the chain no longer reaches means events were cut off; one that disagrees with the chain or
   * with the database's own checkpoint means the chain was rewritten.
   */
  public ChainVerifier(PublicKeyVerify checkpointKey, List<SignedCheckpoint> outside) {
    this(checkpointKey, 50_000, outside);
  }

  /** {@code minRange}: the fewest positions worth a worker of their own. */
  ChainVerifier(PublicKeyVerify checkpointKey, long minRange, List<SignedCheckpoint> outside) {
    this.checkpointKey = checkpointKey;
    this.minRange = minRange;
    this.outside = List.copyOf(outside);
  }

  /** The same verifier reading PostgreSQL's rows through a JDBC cursor, for comparing the two. */
  ChainVerifier readingByCursor() {
    byCopy = false;
    return this;
  }

  /** Verifies on one connection, front to back. */
  public Report verify(Connection connection) throws SQLException {
    List<SignedCheckpoint> inside = checkpoints(connection);
    Report differing = differingCopy(inside);
    if (differing != null) {
      return differing;
    }
    List<SignedCheckpoint> checkpoints = withCopies(inside);
    long end = Long.MAX_VALUE;
    Range range =
        streaming(connection, c -> checkRange(c, 1, end, ChainFormat.GENESIS, checkpoints));
    return report(range, checkpoints);
  }

  /**
   * Verifies with {@code workers} connections in parallel. Each position is checked against the
   * stored hash before it, so ranges are independent: when every position holds, the whole chain
   * holds, by induction from the genesis. The first broken position over all ranges is reported.
   */
  public Report verify(Connections connections, int workers) throws SQLException {
    long last;
    List<SignedCheckpoint> inside;
    try (Connection connection = connections.open();
        PreparedStatement max = connection.prepareStatement("SELECT MAX(seq) FROM audit_chain");
        ResultSet rs = max.executeQuery()) {
      rs.next();
      last = rs.getLong(1);
      inside = checkpoints(connection);
    }
    Report differing = differingCopy(inside);
    if (differing != null) {
      return differing;
    }
    List<SignedCheckpoint> checkpoints = withCopies(inside);
    int parts = (int) Math.max(1, Math.min(workers, last / minRange));
    long size = last / parts + 1;
    ExecutorService pool = Executors.newFixedThreadPool(parts);
    try {
      List<Future<Range>> ranges = new ArrayList<>();
      for (int i = 0; i < parts; i++) {
        long from = 1 + i * size;
        long to = i == parts - 1 ? Long.MAX_VALUE : Math.min(last, from + size - 1);
        ranges.add(
            pool.submit(
                () -> {
                  try (Connection connection = connections.open()) {
                    String before =
                        from == 1 ? ChainFormat.GENESIS : storedHash(connection, from - 1);
                    return streaming(connection, c -> checkRange(c, from, to, before, checkpoints));
                  }
                }));
      }
      Range first = null;
      for (Future<Range> future : ranges) {
        Range range = future.get();
        if (range.brokenAt() != null && (first == null || range.brokenAt() < first.brokenAt())) {
          first = range;
        }
      }
      return report(first == null ? new Range(null, null, last) : first, checkpoints);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("verification interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("verification failed", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private interface Work {
    Range run(Connection connection) throws SQLException;
  }

  private static Range streaming(Connection connection, Work work) throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    if (autoCommit) {
      // PostgreSQL streams a result set only inside a transaction.
      connection.setAutoCommit(false);
    }
    try {
      return work.run(connection);
    } finally {
      if (autoCommit) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    }
  }

  /** What one range found: its first broken position and why, or the last position checked. */
  private record Range(Long brokenAt, String problem, long last) {}

  /** Positions {@code from} to {@code to} are missing: broken at {@code from}. */
  private static Range gone(long from, long to) {
    return new Range(
        from,
        "missing: positions " + from + (to > from ? " to " + to : "") + " are gone from the chain",
        from - 1);
  }

  private Report report(Range range, List<SignedCheckpoint> checkpoints) {
    if (range.brokenAt() == null) {
      SignedCheckpoint beyond =
          checkpoints.stream().filter(c -> c.seq() > range.last()).findFirst().orElse(null);
      if (beyond != null) {
        return Report.broken(
            range.last(),
            checkpoints.stream().filter(c -> c.seq() <= range.last()).count(),
            range.last() + 1,
            "missing: a checkpoint covers position "
                + beyond.seq()
                + " but the chain ends at "
                + range.last());
      }
      Instant last = checkpoints.isEmpty() ? null : checkpoints.get(checkpoints.size() - 1).at();
      return new Report(true, range.last(), checkpoints.size(), null, null, last);
    }
    long broken = range.brokenAt();
    boolean checkpointProblem =
        range.problem().startsWith("forged") || range.problem().startsWith("rewritten");
    long verified = checkpointProblem ? broken : broken - 1;
    return Report.broken(
        verified,
        checkpoints.stream().filter(c -> c.seq() < broken).count(),
        broken,
        range.problem());
  }

  private Range checkRange(
      Connection connection, long from, long to, String before, List<SignedCheckpoint> checkpoints)
      throws SQLException {
    if (before == null) {
      return new Range(from - 1, "missing: position " + (from - 1) + " is gone from the chain", 0);
    }
    Map<Long, SignedCheckpoint> bySeq = new HashMap<>();
    checkpoints.forEach(c -> bySeq.put(c.seq(), c));
    if (byCopy && ChainCopy.supports(connection)) {
      return checkRangeByCopy(connection, from, to, before, bySeq);
    }
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    byte[] previous = ChainFormat.bytes(before);
    long expected = from;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT c.seq, c.hash, "
                + ChainFormat.COLUMNS
                + " FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.event_id"
                + " WHERE c.seq >= ? AND c.seq <= ? ORDER BY c.seq")) {
      select.setLong(1, from);
      select.setLong(2, to);
      select.setFetchSize(FETCH);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          long seq = rs.getLong(1);
          String stored = rs.getString(2);
          if (seq != expected) {
            return gone(expected, seq - 1);
          }
          rs.getLong(3);
          if (rs.wasNull()) {
            return new Range(seq, "missing: the event at this position was deleted", seq - 1);
          }
          EventRow event = EventRow.read(rs, 3);
          byte[] computed = hasher.next(previous, seq, event);
          byte[] expectedHash = ChainFormat.bytes(stored);
          if (!MessageDigest.isEqual(computed, expectedHash)) {
            return new Range(seq, mismatch(connection, seq, event), seq - 1);
          }
          previous = expectedHash;
          SignedCheckpoint checkpoint = bySeq.get(seq);
          if (checkpoint != null) {
            String problem = checkpoint.check(checkpointKey, stored);
            if (problem != null) {
              return new Range(seq, problem, seq);
            }
          }
          expected++;
        }
      }
    }
    return to != Long.MAX_VALUE && expected - 1 < to
        ? gone(expected, to)
        : new Range(null, null, expected - 1);
  }

  /**
   * As the JDBC loop above, reading the rows through COPY (PostgreSQL): the same checks in the same
   * order. After a mismatch, once the COPY is over, that one event is read over JDBC to say why.
   */
  private Range checkRangeByCopy(
      Connection connection, long from, long to, String before, Map<Long, SignedCheckpoint> bySeq)
      throws SQLException {
    ChainFormat.Hasher hasher = new ChainFormat.Hasher();
    byte[] previous = ChainFormat.bytes(before);
    byte[] computed = new byte[32];
    long expected = from;
    long altered;
    try (ChainCopy rows = ChainCopy.open(connection, from, to)) {
      while (true) {
        if (!rows.next()) {
          altered = -1;
          break;
        }
        long seq = rows.seq();
        if (seq != expected) {
          return gone(expected, seq - 1);
        }
        if (!rows.hasEvent()) {
          return new Range(seq, "missing: the event at this position was deleted", seq - 1);
        }
        rows.hash(hasher, previous, computed);
        byte[] stored = rows.storedHash();
        if (!MessageDigest.isEqual(computed, stored)) {
          altered = seq;
          break;
        }
        System.arraycopy(stored, 0, previous, 0, 32);
        SignedCheckpoint checkpoint = bySeq.get(seq);
        if (checkpoint != null) {
          String problem = checkpoint.check(checkpointKey, rows.storedHex());
          if (problem != null) {
            return new Range(seq, problem, seq);
          }
        }
        expected++;
      }
    }
    if (altered > 0) {
      return new Range(
          altered, mismatch(connection, altered, eventAt(connection, altered)), altered - 1);
    }
    return to != Long.MAX_VALUE && expected - 1 < to
        ? gone(expected, to)
        : new Range(null, null, expected - 1);
  }

  private static EventRow eventAt(Connection connection, long seq) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + ChainFormat.COLUMNS
                + " FROM audit_chain c JOIN audit_event e ON e.id = c.event_id WHERE c.seq = ?")) {
      select.setLong(1, seq);
      try (ResultSet rs = select.executeQuery()) {
        rs.next();
        return EventRow.read(rs, 1);
      }
    }
  }

  private static String storedHash(Connection connection, long seq) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT hash FROM audit_chain WHERE seq = ?")) {
      select.setLong(1, seq);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Altered, or a neighbour's event moved here? Only on the failure path, so it may be slow. */
  private static String mismatch(Connection connection, long seq, EventRow event)
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

  /**
   * A signed checkpoint, from the database or from a copy outside it ({@link CheckpointCopies}).
   */
  public record SignedCheckpoint(long seq, String headHash, Instant at, String signature) {

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

  /**
   * A copy outside that disagrees with the database's checkpoint at the same position: the
   * database's checkpoints were replaced (a valid signature on each cannot make both true).
   */
  private Report differingCopy(List<SignedCheckpoint> inside) {
    Map<Long, SignedCheckpoint> bySeq = new HashMap<>();
    inside.forEach(c -> bySeq.put(c.seq(), c));
    for (SignedCheckpoint copy : outside) {
      SignedCheckpoint own = bySeq.get(copy.seq());
      if (own != null && !own.headHash().equals(copy.headHash())) {
        return Report.broken(
            copy.seq() - 1,
            inside.stream().filter(c -> c.seq() < copy.seq()).count(),
            copy.seq(),
            "rewritten: the checkpoint at position "
                + copy.seq()
                + " differs from its copy outside the database");
      }
    }
    return null;
  }

  /** The database's checkpoints and the copies it has lost, by position. */
  private List<SignedCheckpoint> withCopies(List<SignedCheckpoint> inside) {
    if (outside.isEmpty()) {
      return inside;
    }
    Map<Long, SignedCheckpoint> bySeq = new TreeMap<>();
    outside.forEach(c -> bySeq.put(c.seq(), c));
    inside.forEach(c -> bySeq.put(c.seq(), c));
    return new ArrayList<>(bySeq.values());
  }

  private static List<SignedCheckpoint> checkpoints(Connection connection) throws SQLException {
    List<SignedCheckpoint> all = new ArrayList<>();
    try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT seq, head_hash, signed_at, signature FROM audit_checkpoint ORDER BY seq");
        ResultSet rs = select.executeQuery()) {
      while (rs.next()) {
        all.add(
            new SignedCheckpoint(
                rs.getLong(1),
                rs.getString(2).strip(),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getString(4)));
      }
    }
    return all;
  }
}
