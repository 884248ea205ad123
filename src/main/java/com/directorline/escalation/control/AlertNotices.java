package com.directorline.escalation.control;

import com.directorline.platform.control.ConfiguredDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Hears, through PostgreSQL's LISTEN/NOTIFY, that another instance (or this one) committed alerts,
 * so that consoles on this instance get them at once instead of at the next poll. Every insert into
 * the alert table notifies {@link #CHANNEL} (a trigger, {@code db/vendor/postgresql/V19_1}; the
 * notice goes out when the transaction commits, and not at all when it rolls back); the notice
 * carries nothing: the hub reads what is new from the alert table, as its poll does. The poll
 * stays, slower, as the safety net for what a lost connection missed.
 *
 * <p>Why PostgreSQL and not Payara's Hazelcast: the alerts are rows in this database already, every
 * instance has a connection to it, and a notice is delivered only on commit, so nobody hears of an
 * alert that was rolled back; Hazelcast would be a second cluster to form, secure and keep alive.
 */
final class AlertNotices implements Runnable {

  static final String CHANNEL = "directorline_alerts";
  private static final Logger LOG = Logger.getLogger(AlertNotices.class.getName());
  private static final Duration RECONNECT = Duration.ofSeconds(2);

  private final Runnable onNotice;
  private volatile boolean running = true;

  AlertNotices(Runnable onNotice) {
    this.onNotice = onNotice;
  }

  void stop() {
    running = false;
  }

  @Override
  public void run() {
    while (running && !Thread.currentThread().isInterrupted()) {
      try (Connection connection = ConfiguredDataSource.unpooled()) {
        try (Statement listen = connection.createStatement()) {
          listen.execute("LISTEN " + CHANNEL);
        }
        // Alerts committed while this connection was not listening: read them now.
        onNotice.run();
        PGConnection pg = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] notices = pg.getNotifications(1000);
          if (notices != null && notices.length > 0) {
            onNotice.run();
          }
        }
      } catch (SQLException | RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "alert notices: connection lost ({0}); the poll delivers meanwhile",
            e.getClass().getName());
        try {
          Thread.sleep(RECONNECT.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
