package com.directorline.oncall.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/clinics/{id}/on-call/hand-over}. */
@Schema(
    description = "For how many minutes (15 to 1440) the other line takes over yours, from now.")
public record HandOverRequest(
    @NotNull(message = "is required")
        @Min(value = 15, message = "must be at least 15")
        @Max(value = 1440, message = "must be at most 1440 (a day)")
        Integer minutes) {

  public HandOverRequest(Integer minutes) {
    this.minutes = minutes;
  }
}
