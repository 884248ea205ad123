package com.directorline.compliance.control;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import java.time.Instant;
import java.util.UUID;

/**
 * A compliance search: a time range [from, to) and any of the other filters; null means any. The
 * scope (which clinics) is never part of it: it comes from the caller.
 */
public record AuditQuery(
    Instant from,
    Instant to,
    UUID userId,
    String patientRef,
    UUID emergencyId,
    AuditAction action,
    AuditOutcome outcome,
    Purpose purpose) {

  public static AuditQuery forPatient(String patientRef, Instant from, Instant to) {
    return new AuditQuery(from, to, null, patientRef, null, null, null, null);
  }

  /**
   * The trail's own record of this search: about the trail, naming the patient and the emergency
   * searched for (so the per-patient report shows who looked), for operations.
   */
  public AuditEvent.Draft recorded(AuditAction action) {
    return AuditEvent.of(action, ObjectType.AUDIT_TRAIL, null)
        .patient(patientRef)
        .emergency(emergencyId, null)
        .purpose(Purpose.OPERATIONS);
  }

  /** A short description for the trail's own record of the search; holds no patient data. */
  public String summary() {
    StringBuilder s = new StringBuilder();
    append(s, "from", from);
    append(s, "to", to);
    append(s, "userId", userId);
    append(s, "patientRef", patientRef == null ? null : "(see patientRef)");
    append(s, "emergencyId", emergencyId);
    append(s, "action", action);
    append(s, "outcome", outcome);
    append(s, "purpose", purpose);
    return s.toString();
  }

  private static void append(StringBuilder s, String name, Object value) {
    if (value != null) {
      s.append(s.isEmpty() ? "" : " ").append(name).append('=').append(value);
    }
  }
}
