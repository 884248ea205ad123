package com.directorline.platform.control;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink retries a query that failed on a broken connection three times, five seconds apart:
 * with the database down every request waited ten seconds and more before failing. One immediate
 * retry still recovers from a single stale connection; a database that is really gone answers 503
 * at once (see problems.boundary.DatabaseUnavailable).
 */
public class DatabaseRetries implements SessionCustomizer {

  @Override
  public void customize(Session session) {
    if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
      login.setQueryRetryAttemptCount(1);
      login.setDelayBetweenConnectionAttempts(0);
    }
  }
}
