package com.directorline.escalation.boundary;

import com.directorline.escalation.entity.OnCall;
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

  /** A step: its directors, or the roster line resolved at launch ({@code onCall}). */
  public record StepView(
      List<DirectorView> directors, List<UUID> directorIds, OnCall onCall, int timeoutSeconds) {}

  public record DirectorView(UUID id, String displayName) {}
}
