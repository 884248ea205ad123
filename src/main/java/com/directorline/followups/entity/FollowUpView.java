package com.directorline.followups.entity;

import com.directorline.emergencies.entity.Complication;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A follow-up as the clinic's list shows it: with the emergency it follows (its complication, the
 * patient's reference and initials) and the person it is assigned to. {@code overdueAt} is when it
 * turns overdue if not done. {@code photoIds} are the photos taken for it, oldest first (their
 * bytes at {@code GET /api/photos/{id}}).
 */
public record FollowUpView(
    UUID id,
    FollowUpSource source,
    UUID clinicId,
    UUID emergencyId,
    Complication complication,
    boolean drill,
    String patientRef,
    String patientInitials,
    String what,
    Instant dueAt,
    Instant overdueAt,
    FollowUpStatus status,
    UUID assigneeId,
    String assigneeName,
    Instant completedAt,
    UUID completedById,
    String completedByName,
    String outcome,
    List<UUID> photoIds) {

  /** The same follow-up with its people's names and its photos. */
  public FollowUpView with(String assignee, String completedBy, List<UUID> photos) {
    return new FollowUpView(
        id,
        source,
        clinicId,
        emergencyId,
        complication,
        drill,
        patientRef,
        patientInitials,
        what,
        dueAt,
        overdueAt,
        status,
        assigneeId,
        assignee,
        completedAt,
        completedById,
        completedBy,
        outcome,
        List.copyOf(photos));
  }
}
