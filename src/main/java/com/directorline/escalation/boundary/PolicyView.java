package com.directorline.escalation.boundary;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A clinic's escalation policy in force. */
public record PolicyView(
    UUID clinicId,
    int version,
    List<StepView> steps,
    int repeat,
    String transferPlan,
    Instant updatedAt,
    UUID updatedBy) {

  public record StepView(
      List<DirectorView> directors, List<UUID> directorIds, int timeoutSeconds) {}

  public record DirectorView(UUID id, String displayName) {}
}
