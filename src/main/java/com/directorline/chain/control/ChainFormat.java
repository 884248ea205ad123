package com.directorline.chain.control;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The chain's arithmetic, shared by the sealer, the server's verification and the command-line
 * verifier so that all three compute the same bytes: plain Java and JDBC, no container.
 *
 * <p>hash(seq) = SHA-256(hash(seq - 1) || canonical(seq, event)), with 32 zero bytes before the
 * first event. The canonical form writes the position and every column of the event in a fixed
 * order, each as {@code <length>:<UTF-8 text>;} or {@code ~;} for null, so no two different events
 * share a form and a changed, swapped or moved event changes the hash.
 */
public final class ChainFormat {

  public static final String GENESIS = "0".repeat(64);
  private static final HexFormat HEX = HexFormat.of();

  /** The event columns in canonical order; every query that feeds the chain selects these. */
  public static final String COLUMNS = "e.id, e.occurred_at, " + ChainFormat.TEXT_COLUMN_LIST;

  /** The columns after the id and the time, each hashed as its text. */
  static final String TEXT_COLUMN_LIST =
      "e.user_id, e.username, e.roles, e.clinic_id, e.client_ip,"
          + " e.user_agent, e.action, e.object_type, e.object_id, e.patient_ref, e.emergency_id,"
          + " e.participant, e.outcome, e.reason, e.detail, e.purpose, e.justification,"
          + " e.correlation_id";

  static final int TEXT_COLUMNS = 18;

  /** Where {@code participant}, the one boolean, is among the text columns. */
  static final int PARTICIPANT = 11;

  private ChainFormat() {}

  /** One event as stored, read from {@link #COLUMNS} starting at column {@code first}. */
  public record EventRow(long id, Instant occurredAt, String[] text) {

    public static EventRow read(ResultSet rs, int first) throws SQLException {
      long id = rs.getLong(first);
      OffsetDateTime at = rs.getObject(first + 1, OffsetDateTime.class);
      String[] text = new String[TEXT_COLUMNS];
      for (int i = 0; i < TEXT_COLUMNS; i++) {
        text[i] = rs.getString(first + 2 + i);
      }
      // Booleans read as text differ between drivers ("t", "TRUE"): normalise.
      if (text[PARTICIPANT] != null) {
        text[PARTICIPANT] = Boolean.toString(rs.getBoolean(first + 2 + PARTICIPANT));
      }
      return new EventRow(id, at == null ? null : at.toInstant(), text);
    }
  }

  /** A SHA-256 instance per thread of work; not thread-safe. */
  public static final class Hasher {
    private final MessageDigest sha256;
    private final StringBuilder form = new StringBuilder(512);

    public Hasher() {
      try {
        sha256 = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
      }
    }

    /**
     * The next hash over a canonical form already written as bytes (the verifier's COPY reader
     * writes it straight from PostgreSQL's rows), into {@code out}.
     */
    void next(byte[] previous, byte[] canonical, int length, byte[] out) {
      sha256.update(previous);
      sha256.update(canonical, 0, length);
      try {
        sha256.digest(out, 0, out.length);
      } catch (DigestException e) {
        throw new IllegalStateException("SHA-256 digest of 32 bytes", e);
      }
    }

    public byte[] next(byte[] previous, long seq, EventRow event) {
      sha256.update(previous);
      sha256.update(canonical(seq, event));
      return sha256.digest();
    }

    byte[] canonical(long seq, EventRow event) {
      form.setLength(0);
      field(Long.toString(seq));
      field(Long.toString(event.id()));
      field(
          event.occurredAt() == null
              ? null
              : event.occurredAt().truncatedTo(ChronoUnit.MICROS).toString());
      for (String value : event.text()) {
        field(value);
      }
      return form.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void field(String value) {
      if (value == null) {
        form.append("~;");
      } else {
        form.append(value.length()).append(':').append(value).append(';');
      }
    }
  }

  public static byte[] bytes(String hex) {
    return HEX.parseHex(hex.strip());
  }

  public static String hex(byte[] bytes) {
    return HEX.formatHex(bytes);
  }

  /** The bytes a checkpoint signs: version, position, head hash and time, one per line. */
  public static byte[] checkpointMessage(long seq, String headHash, Instant signedAt) {
    return ("directorline-audit-checkpoint:v1\n"
            + seq
            + "\n"
            + headHash
            + "\n"
            + signedAt.truncatedTo(ChronoUnit.MICROS))
        .getBytes(StandardCharsets.UTF_8);
  }
}
