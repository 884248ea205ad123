package com.directorline.consent.boundary;

import com.directorline.consent.entity.FollowUpTask;
import java.time.Instant;
import java.util.UUID;

/** A follow-up task: OPEN until completed with a note. */
public record FollowUpTaskView(
    UUID id,
    UUID clinicId,
    UUID emergencyId,
    String patientRef,
    String kind,
    String status,
    Instant openedAt,
    Instant completedAt,
    UUID completedBy,
    String note) {

  static FollowUpTaskView of(FollowUpTask t) {
    return new FollowUpTaskView(
        t.id(),
        t.clinicId(),
        t.emergencyId(),
        t.patientRef(),
        t.kind(),
        t.isOpen() ? "OPEN" : "COMPLETED",
        t.openedAt(),
        t.completedAt(),
        t.completedBy(),
        t.note());
  }
}
