package com.directorline.chain.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * The embedded database's guard on the chain's head (see db/vendor/h2): positions, the floor and
 * the last checkpoint never decrease, a position keeps its hash, and the row stays.
 */
public class ChainHeadTrigger implements Trigger {

  // Columns of audit_chain_head: id, seq, hash, floor_event_id, checkpoint_seq, checkpoint_at.
  private static final int SEQ = 1;
  private static final int HASH = 2;
  private static final int FLOOR = 3;
  private static final int CHECKPOINT = 4;

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    if (newRow == null) {
      throw new SQLException("audit_chain_head cannot be deleted", "42501");
    }
    boolean backwards =
        number(newRow[SEQ]) < number(oldRow[SEQ])
            || number(newRow[FLOOR]) < number(oldRow[FLOOR])
            || number(newRow[CHECKPOINT]) < number(oldRow[CHECKPOINT])
            || (number(newRow[SEQ]) == number(oldRow[SEQ])
                && !String.valueOf(newRow[HASH]).equals(String.valueOf(oldRow[HASH])));
    if (backwards) {
      throw new SQLException("audit_chain_head only moves forward", "42501");
    }
  }

  private static long number(Object value) {
    return ((Number) value).longValue();
  }
}
