package com.directorline.emergencies.boundary;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/emergencies/{id}/participant-events}, from the Jitsi IFrame. */
@Schema(
    description = "A participant's page joined or left the call (from the Jitsi IFrame events).")
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
