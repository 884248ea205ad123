package com.directorline.problems.boundary;

import com.directorline.problems.entity.ServiceUnavailable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * 503: the database cannot be reached. Recognised anywhere in an exception's causes: a connection
 * refused or timed out, SQL state class 08 (connection exception) or 57P (the server shutting down
 * or starting), or the pool unable to hand out a connection within its wait.
 */
final class DatabaseUnavailable extends ServiceUnavailable {

  DatabaseUnavailable() {
    super(
        "database-unavailable",
        "The database cannot be reached right now; nothing was changed. Try again in a few"
            + " seconds.",
        5);
  }

  static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof SocketTimeoutException
          || t instanceof SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
          return true;
        }
      }
      // Payara's pool says so with its own exceptions (not on our compile classpath).
      String name = t.getClass().getName();
      if (name.endsWith(".PoolingException") || name.endsWith(".ResourceException")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
