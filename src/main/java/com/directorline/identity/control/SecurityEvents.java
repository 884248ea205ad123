package com.directorline.identity.control;

import com.directorline.identity.entity.RequestOrigin;
import com.directorline.identity.entity.SecurityEvent;
import com.directorline.identity.entity.SecurityEventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Writes sign-in and account events in the caller's transaction, so an account change and its
 * record commit together.
 */
@ApplicationScoped
public class SecurityEvents {

  private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      SecurityEventType type,
      UUID actorId,
      String actorUsername,
      UUID subjectId,
      UUID clinicId,
      RequestOrigin origin,
      String detail) {
    em.persist(
        new SecurityEvent(
            clock.instant(), type, actorId, actorUsername, subjectId, clinicId, origin, detail));
    LOG.info(
        () ->
            "security event "
                + type
                + " actor="
                + actorId
                + " subject="
                + subjectId
                + " correlationId="
                + origin.correlationId());
  }
}
