package com.directorline.audit.control;

import com.directorline.audit.entity.AuditEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * Writes audit events. {@link #record} joins the transaction of the action it records, so the two
 * commit together or not at all: an action whose event cannot be written fails. {@link
 * #recordApart} commits on its own, for refused and failed attempts whose own transaction rolls
 * back.
 *
 * <p>Who and from where come from the request's {@link Actor} unless the component names them
 * (sign-in knows the user before there is a session).
 */
@ApplicationScoped
public class AuditTrail {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Actor actor;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(AuditEvent.Draft draft) {
    write(draft);
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void recordApart(AuditEvent.Draft draft) {
    write(draft);
  }

  private void write(AuditEvent.Draft draft) {
    try {
      if (!draft.hasActor() && actor.isSignedIn()) {
        draft.by(
            actor.userId(),
            actor.username(),
            actor.roleNames().stream().sorted().collect(Collectors.joining(",")));
      }
      if (!draft.hasOrigin()) {
        var origin = actor.origin();
        draft.from(origin.clientIp(), origin.userAgent(), origin.correlationId());
      }
      if (!draft.hasClinic() && actor.clinicIds().size() == 1) {
        draft.clinic(actor.clinicIds().iterator().next());
      }
    } catch (ContextNotActiveException backgroundThread) {
      // No request: the system acts, and the draft says so by naming no user.
    }
    em.persist(draft.at(clock.instant()));
  }
}
