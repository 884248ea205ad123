package com.directorline.chain.control;

import java.sql.Connection;
import java.sql.SQLException;

/** What the benchmarks in another package reach of the chain's package-private parts. */
public final class ChainInternals {

  private ChainInternals() {}

  /** Verifies front to back reading through a JDBC cursor, as before COPY. */
  public static ChainVerifier.Report byCursor(ChainVerifier verifier, Connection connection)
      throws SQLException {
    return verifier.readingByCursor().verify(connection);
  }

  /** The canonical form the chain hashes for the event at {@code seq}. */
  public static byte[] canonical(ChainFormat.Hasher hasher, long seq, ChainFormat.EventRow event) {
    return hasher.canonical(seq, event);
  }
}
