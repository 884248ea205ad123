package com.directorline.chain.control;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Reads a stretch of the chain from PostgreSQL with {@code COPY ... TO STDOUT} and writes each
 * event's canonical form ({@link ChainFormat}) as bytes straight from the row's text: no string,
 * date or boolean object per column, and PostgreSQL sends plain rows instead of a cursor's typed
 * columns. The bytes are those {@link ChainFormat.Hasher#canonical} makes from the same event read
 * over JDBC ({@code ChainOnPostgresIT} holds the two to the same verdicts).
 *
 * <p>COPY's text format: columns separated by tabs, {@code \N} for null, and in values a backslash
 * written {@code \\} and the control characters {@code \b \f \n \r \t \v} escaped (COPY TO writes
 * no other escapes).
 */
final class ChainCopy implements AutoCloseable {

  private static final int COLUMNS = 4 + ChainFormat.TEXT_COLUMNS;
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private final CopyOut copy;
  private final int[] starts = new int[COLUMNS];
  private final int[] ends = new int[COLUMNS];
  private byte[] row;
  private byte[] form = new byte[1024];
  private int formLength;
  private byte[] value = new byte[512];
  private final byte[] stored = new byte[32];

  private ChainCopy(CopyOut copy) {
    this.copy = copy;
  }

  /** Whether the connection is PostgreSQL's (through any pool's wrapper). */
  static boolean supports(Connection connection) {
    try {
      return connection.isWrapperFor(PGConnection.class);
    } catch (SQLException e) {
      return false;
    }
  }

  /** Positions {@code from} to {@code to} in order, each with its event (or none). */
  static ChainCopy open(Connection connection, long from, long to) throws SQLException {
    // COPY takes no parameters: the bounds are numbers, written in.
    String query =
        "COPY (SELECT c.seq, c.hash, e.id,"
            + " (EXTRACT(EPOCH FROM e.occurred_at) * 1000000)::BIGINT, "
            + ChainFormat.TEXT_COLUMN_LIST
            + " FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.event_id"
            + " WHERE c.seq >= "
            + from
            + " AND c.seq <= "
            + to
            + " ORDER BY c.seq) TO STDOUT";
    return new ChainCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyOut(query));
  }

  /** Moves to the next row; false at the end. */
  boolean next() throws SQLException {
    row = copy.readFromCopy();
    if (row == null) {
      return false;
    }
    int column = 0;
    starts[0] = 0;
    int end = row.length > 0 && row[row.length - 1] == '\n' ? row.length - 1 : row.length;
    for (int i = 0; i < end; i++) {
      if (row[i] == '\t') {
        ends[column] = i;
        column++;
        if (column == COLUMNS) {
          throw new SQLException("a COPY row with more columns than asked for");
        }
        starts[column] = i + 1;
      }
    }
    ends[column] = end;
    if (column != COLUMNS - 1) {
      throw new SQLException("a COPY row with fewer columns than asked for");
    }
    return true;
  }

  long seq() {
    return number(0);
  }

  /** False when the position's event row is gone. */
  boolean hasEvent() {
    return !isNull(2);
  }

  /** The hash stored at this position, as 32 bytes (valid until the next row). */
  byte[] storedHash() {
    int at = starts[1];
    if (ends[1] - at != 64) {
      throw new IllegalStateException("a stored hash is not 64 hex digits");
    }
    for (int i = 0; i < 32; i++) {
      stored[i] = (byte) (hexDigit(row[at + 2 * i]) << 4 | hexDigit(row[at + 2 * i + 1]));
    }
    return stored;
  }

  String storedHex() {
    return new String(row, starts[1], ends[1] - starts[1], StandardCharsets.US_ASCII);
  }

  /** This row's canonical form, hashed after {@code previous}, into {@code out}. */
  void hash(ChainFormat.Hasher hasher, byte[] previous, byte[] out) {
    formLength = 0;
    ascii(0);
    ascii(2);
    long micros = number(3);
    text(
        Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1000L)
            .toString());
    for (int i = 0; i < ChainFormat.TEXT_COLUMNS; i++) {
      int column = 4 + i;
      if (isNull(column)) {
        append((byte) '~');
        append((byte) ';');
      } else if (i == ChainFormat.PARTICIPANT) {
        byte[] bool = row[starts[column]] == 't' ? TRUE : FALSE;
        field(bool, bool.length, bool.length);
      } else {
        escaped(column);
      }
    }
    hasher.next(previous, form, formLength, out);
  }

  /**
   * Reads what is left. Not {@code cancelCopy}: with pgjdbc 42.7 a cancelled COPY OUT leaves the
   * connection one answer behind, so the next query got the previous one's result. Only a broken
   * chain stops early, so draining costs only on that path.
   */
  @Override
  public void close() throws SQLException {
    while (copy.isActive() && copy.readFromCopy() != null) {
      // drained
    }
  }

  private boolean isNull(int column) {
    return ends[column] - starts[column] == 2
        && row[starts[column]] == '\\'
        && row[starts[column] + 1] == 'N';
  }

  private long number(int column) {
    long n = 0;
    boolean negative = false;
    for (int i = starts[column]; i < ends[column]; i++) {
      if (row[i] == '-') {
        negative = true;
      } else {
        n = n * 10 + (row[i] - '0');
      }
    }
    return negative ? -n : n;
  }

  /** A column whose text is ASCII digits (seq, id), written as it came. */
  private void ascii(int column) {
    int length = ends[column] - starts[column];
    decimal(length);
    append((byte) ':');
    ensure(length + 1);
    System.arraycopy(row, starts[column], form, formLength, length);
    formLength += length;
    append((byte) ';');
  }

  private void text(String ascii) {
    decimal(ascii.length());
    append((byte) ':');
    for (int i = 0; i < ascii.length(); i++) {
      append((byte) ascii.charAt(i));
    }
    append((byte) ';');
  }

  /**
   * A text column, unescaped; its length counted as Java counts a string's (UTF-16 units: a
   * character beyond the basic plane counts two), as the canonical form has always counted it.
   */
  private void escaped(int column) {
    int length = 0;
    int units = 0;
    if (value.length < ends[column] - starts[column]) {
      value = new byte[(ends[column] - starts[column]) * 2];
    }
    for (int i = starts[column]; i < ends[column]; i++) {
      byte b = row[i];
      if (b == '\\') {
        i++;
        b =
            switch (row[i]) {
              case 'b' -> '\b';
              case 'f' -> '\f';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 't' -> '\t';
              case 'v' -> 0x0B;
              default -> row[i];
            };
      }
      value[length++] = b;
      if ((b & 0xC0) != 0x80) {
        units += (b & 0xF8) == 0xF0 ? 2 : 1;
      }
    }
    field(value, length, units);
  }

  private void field(byte[] bytes, int length, int units) {
    decimal(units);
    append((byte) ':');
    ensure(length + 1);
    System.arraycopy(bytes, 0, form, formLength, length);
    formLength += length;
    append((byte) ';');
  }

  private void decimal(int n) {
    if (n >= 10) {
      decimal(n / 10);
    }
    append((byte) ('0' + n % 10));
  }

  private void append(byte b) {
    ensure(1);
    form[formLength++] = b;
  }

  private void ensure(int more) {
    if (formLength + more > form.length) {
      byte[] bigger = new byte[Math.max(form.length * 2, formLength + more)];
      System.arraycopy(form, 0, bigger, 0, formLength);
      form = bigger;
    }
  }

  private static int hexDigit(byte b) {
    if (b >= '0' && b <= '9') {
      return b - '0';
    }
    if (b >= 'a' && b <= 'f') {
      return b - 'a' + 10;
    }
    if (b >= 'A' && b <= 'F') {
      return b - 'A' + 10;
    }
    throw new IllegalStateException("a stored hash has a character that is no hex digit");
  }
}
