package com.directorline.compliance.boundary;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.control.AuditSearch;
import jakarta.json.bind.annotation.JsonbNillable;
import java.time.Instant;
import java.util.UUID;

/**
 * One audit event as the compliance officer sees it. {@code seq} and {@code hash} are its place in
 * the chain, null for the moment between commit and sealing. {@code participant} says whether the
 * user took part in the emergency at the time. Every field is always present, null when empty, so
 * an export or a script sees the same shape for every event.
 */
@JsonbNillable
public record AuditEventView(
    long id,
    Long seq,
    Instant at,
    UUID userId,
    String username,
    String role,
    UUID clinicId,
    String ip,
    String userAgent,
    AuditAction action,
    ObjectType objectType,
    String objectId,
    String patientRef,
    UUID emergencyId,
    Boolean participant,
    AuditOutcome outcome,
    String reason,
    String detail,
    Purpose purpose,
    String justification,
    String correlationId,
    String hash) {

  static AuditEventView of(AuditSearch.Found found) {
    AuditEvent e = found.event();
    return new AuditEventView(
        e.id(),
        found.seq(),
        e.occurredAt(),
        e.userId(),
        e.username(),
        e.roles(),
        e.clinicId(),
        e.clientIp(),
        e.userAgent(),
        e.action(),
        e.objectType(),
        e.objectId(),
        e.patientRef(),
        e.emergencyId(),
        e.participant(),
        e.outcome(),
        e.reason(),
        e.detail(),
        e.purpose(),
        e.justification(),
        e.correlationId(),
        found.hash());
  }
}
