package com.directorline.audit.boundary;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who saw one patient's data: every access, newest first, and a line per person. {@code truncated}
 * says the range held more accesses than one report shows.
 */
public record AccessReport(
    String patientRef,
    Instant from,
    Instant to,
    List<Person> people,
    List<Access> accesses,
    boolean truncated) {

  /** One person's accesses in the range. */
  public record Person(
      UUID userId, String username, String role, long accesses, Instant first, Instant last) {}

  /** One access. */
  public record Access(
      Long seq,
      Instant at,
      UUID userId,
      String username,
      String role,
      AuditAction action,
      ObjectType objectType,
      String objectId,
      UUID emergencyId,
      Purpose purpose,
      String justification,
      AuditOutcome outcome,
      String ip) {}
}
