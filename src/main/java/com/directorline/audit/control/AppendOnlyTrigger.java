package com.directorline.audit.control;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The embedded database's guard on the append-only tables (see db/vendor/h2). */
public class AppendOnlyTrigger implements Trigger {

  private String table;

  @Override
  public void init(
      Connection conn, String schema, String trigger, String tableName, boolean before, int type) {
    this.table = tableName;
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    throw new SQLException(
        "table "
            + table
            + " is append-only: "
            + (newRow == null ? "DELETE" : "UPDATE")
            + " refused",
        "42501");
  }
}
