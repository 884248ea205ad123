package com.directorline.problems.boundary;

import com.directorline.problems.entity.ServiceUnavailable;
import java.sql.SQLException;

/**
 * 503: the database gave up on this request's transaction to let another go on (a deadlock broken,
 * a lock not had in time, a serialization conflict). Nothing was changed; sent again it succeeds.
 * Not a 500: it says nothing wrong about the server or the request.
 */
final class DatabaseContention extends ServiceUnavailable {

  DatabaseContention() {
    super(
        "database-busy",
        "The database was busy with a conflicting change; nothing was changed. Try again in a"
            + " moment.",
        1);
  }

  static boolean isCause(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
      String name = t.getClass().getName();
      if (name.equals("jakarta.persistence.PessimisticLockException")
          || name.equals("jakarta.persistence.LockTimeoutException")) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        // deadlock detected, serialization failure, lock not available
        if (state.equals("40P01") || state.equals("40001") || state.equals("55P03")) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
