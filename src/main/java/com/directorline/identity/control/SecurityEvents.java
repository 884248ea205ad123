package com.directorline.identity.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.platform.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sign-in and account events, written into the audit trail in the caller's transaction, so an
 * account change and its record commit together. The trail keeps them in the same chain as the
 * accesses to patient data.
 */
@ApplicationScoped
public class SecurityEvents {

  private static final Logger LOG = Logger.getLogger(SecurityEvents.class.getName());

  @Inject AuditTrail trail;

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(
      SecurityEventType type,
      UUID actorId,
      String actorUsername,
      UUID subjectId,
      UUID clinicId,
      RequestOrigin origin,
      String detail) {
    AuditAction action = action(type);
    AuditEvent.Draft draft =
        AuditEvent.of(action, object(type), subjectId != null ? subjectId : clinicId)
            .by(actorId, actorUsername, null)
            .from(origin.clientIp(), origin.userAgent(), origin.correlationId())
            .clinic(clinicId)
            // Account administration is an operation; a sign-in has no purpose of its own.
            .purpose(
                action == AuditAction.CREATE || action == AuditAction.UPDATE
                    ? Purpose.OPERATIONS
                    : null)
            .detail(detail == null ? type.name() : type.name() + ": " + detail);
    switch (type) {
      case LOGIN_FAILED -> draft.denied("wrong username or password");
      case LOGIN_REFUSED_LOCKED -> draft.denied("account locked");
      case ACCOUNT_LOCKED -> draft.denied("too many failed sign-ins");
      default -> {
        // succeeded
      }
    }
    trail.record(draft);
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

  private static AuditAction action(SecurityEventType type) {
    return switch (type) {
      case LOGIN_SUCCEEDED, LOGIN_FAILED, LOGIN_REFUSED_LOCKED -> AuditAction.LOGIN;
      case ACCOUNT_LOCKED -> AuditAction.LOCKOUT;
      case LOGOUT, SESSION_ENDED -> AuditAction.LOGOUT;
      case CLINIC_CREATED, USER_CREATED -> AuditAction.CREATE;
      default -> AuditAction.UPDATE;
    };
  }

  private static ObjectType object(SecurityEventType type) {
    return type == SecurityEventType.CLINIC_CREATED || type == SecurityEventType.CLINIC_UPDATED
        ? ObjectType.CLINIC
        : ObjectType.USER;
  }
}
