package com.directorline.emergencies.control;

import com.directorline.platform.control.Workers;
import com.directorline.schema.control.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires escalation deadlines from the database every 250 ms, so a step fires within about a quarter
 * of a second of its deadline, and within the same after a restart (the first tick finds every
 * overdue deadline). Several instances on one database share the work; {@link
 * Emergencies#fireIfDue} makes each deadline fire once.
 */
@ApplicationScoped
public class EscalationTicker {

  private static final Logger LOG = Logger.getLogger(EscalationTicker.class.getName());

  @Inject Emergencies emergencies;
  @Inject Workers workers;

  void start(@Observes SchemaMigrated migrated) {
    // A thread of its own: nothing else may delay a deadline.
    workers.dedicated(1).scheduleWithFixedDelay(this::tick, 0, 250, TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      for (UUID id : emergencies.due(50)) {
        try {
          if (emergencies.fireIfDue(id)) {
            LOG.fine(() -> "escalated emergency " + id);
          }
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "escalating emergency " + id + " failed; retrying next tick",
              e.getClass().getName());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "escalation tick failed; retrying", e.getClass().getName());
    }
  }
}
