package com.directorline.emergencies.boundary;

import jakarta.validation.constraints.NotNull;

/** The body of {@code POST /api/emergencies/{id}/participant-events}, from the Jitsi IFrame. */
public record ParticipantEvent(@NotNull Type type) {

  /** See {@link LaunchRequest#LaunchRequest}. */
  public ParticipantEvent(Type type) {
    this.type = type;
  }

  public enum Type {
    JOINED,
    LEFT
  }
}
