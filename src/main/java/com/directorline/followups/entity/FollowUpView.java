package com.directorline.followups.entity;

import com.directorline.emergencies.entity.Complication;
import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up as the clinic's list shows it: with the emergency it follows (its complication, the
 * patient's reference and initials) and the person it is assigned to. {@code overdueAt} is when it
 * turns overdue if not done.
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
    String outcome) {}
