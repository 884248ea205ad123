package com.directorline.compliance.boundary;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.control.AuditSearch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Who saw one patient's data: every access, newest first, and a line per person. {@code truncated}
 * says the range held more accesses than one report shows.
 */
public record AccessReport(
    String patientRef,
    Instant from,
    Instant to,
    List<Viewer> people,
    List<Access> accesses,
    boolean truncated) {

  /** One person's accesses in the range. */
  public record Viewer(
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

  /** The report of the accesses shown (newest first): a line per person, then every access. */
  static AccessReport of(
      String patientRef,
      Instant from,
      Instant to,
      List<AuditSearch.Found> shown,
      boolean truncated) {
    Map<UUID, List<AuditSearch.Found>> byUser = new LinkedHashMap<>();
    for (AuditSearch.Found f : shown) {
      if (f.event().userId() != null) {
        byUser.computeIfAbsent(f.event().userId(), u -> new ArrayList<>()).add(f);
      }
    }
    List<AccessReport.Viewer> people =
        byUser.values().stream()
            .map(
                list -> {
                  AuditEvent newest = list.get(0).event();
                  return new AccessReport.Viewer(
                      newest.userId(),
                      newest.username(),
                      newest.roles(),
                      list.size(),
                      list.get(list.size() - 1).event().occurredAt(),
                      newest.occurredAt());
                })
            .toList();
    List<AccessReport.Access> accesses =
        shown.stream()
            .map(
                f -> {
                  AuditEvent e = f.event();
                  return new AccessReport.Access(
                      f.seq(),
                      e.occurredAt(),
                      e.userId(),
                      e.username(),
                      e.roles(),
                      e.action(),
                      e.objectType(),
                      e.objectId(),
                      e.emergencyId(),
                      e.purpose(),
                      e.justification(),
                      e.outcome(),
                      e.clientIp());
                })
            .toList();
    return new AccessReport(patientRef, from, to, people, accesses, truncated);
  }
}
