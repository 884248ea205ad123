package com.directorline.chain.control;

import com.directorline.platform.control.Database;
import com.directorline.platform.control.Workers;
import com.directorline.schema.control.SchemaMigrated;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the {@link ChainSealer} on a thread of its own every {@code
 * directorline.audit.seal-interval-ms}, each batch in its own transaction, until no event waits.
 * Several instances may run it: the head row's lock makes them take turns.
 */
@ApplicationScoped
public class AuditSealing {

  private static final Logger LOG = Logger.getLogger(AuditSealing.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Workers workers;
  @Inject AuditKeys keys;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.audit.seal-interval-ms", defaultValue = "200")
  long intervalMillis;

  @Inject
  @ConfigProperty(name = "directorline.audit.seal-batch", defaultValue = "2000")
  int batch;

  @Inject
  @ConfigProperty(name = "directorline.audit.checkpoint-every-events", defaultValue = "1000")
  long checkpointEveryEvents;

  @Inject
  @ConfigProperty(name = "directorline.audit.checkpoint-every-seconds", defaultValue = "60")
  long checkpointEverySeconds;

  /** Where the checkpoints are copied outside the database; blank turns the copies off. */
  @Inject
  @ConfigProperty(name = "directorline.audit.checkpoint-copies-dir", defaultValue = "")
  String copiesDir;

  @Inject
  @ConfigProperty(name = "directorline.audit.seal-grace-seconds", defaultValue = "600")
  long graceSeconds;

  @Inject AuditSealing self;

  private volatile ChainSealer sealer;
  private Instant nextSweep;
  private volatile Instant lastSealed;
  private volatile Instant failingSince;

  /** How the sealer fares: when it last succeeded, and since when it has failed, if it does. */
  public record State(Instant lastSealed, Instant failingSince) {}

  public State state() {
    return new State(lastSealed, failingSince);
  }

  void start(@Observes SchemaMigrated migrated) {
    sealer =
        new ChainSealer(
            new ChainSealer.Settings(
                batch,
                checkpointEveryEvents,
                Duration.ofSeconds(checkpointEverySeconds),
                Duration.ofSeconds(graceSeconds)),
            keys.signer());
    workers
        .dedicated(1)
        .scheduleWithFixedDelay(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      if (nextSweep == null || !clock.instant().isBefore(nextSweep)) {
        while (self.seal(true).events() == batch) {
          // more
        }
        nextSweep = clock.instant().plus(Duration.ofHours(1));
      }
      while (self.seal(false).events() == batch) {
        // A full batch: more are waiting.
      }
      copyCheckpoints();
      lastSealed = clock.instant();
      failingSince = null;
    } catch (RuntimeException e) {
      if (failingSince == null) {
        failingSince = clock.instant();
      }
      LOG.log(
          Level.WARNING, "sealing the audit chain failed; retrying: {0}", e.getClass().getName());
    }
  }

  /** After the commit: checkpoints the copies outside do not have yet. */
  private void copyCheckpoints() {
    if (copiesDir.isBlank()) {
      return;
    }
    try (Connection connection = dataSource.getConnection()) {
      new CheckpointCopies(Path.of(copiesDir)).copyNew(connection);
    } catch (SQLException | IOException e) {
      throw new IllegalStateException("cannot copy the checkpoints to " + copiesDir, e);
    }
  }

  /** One batch in a transaction of its own; {@code stragglers} also looks below the floor. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public ChainSealer.Sealed seal(boolean stragglers) {
    try (Connection connection = dataSource.getConnection()) {
      return stragglers
          ? sealer.sealStragglers(connection, clock.instant())
          : sealer.sealBatch(connection, clock.instant());
    } catch (SQLException e) {
      throw new IllegalStateException("sealing failed (SQL state " + e.getSQLState() + ")", e);
    }
  }
}
