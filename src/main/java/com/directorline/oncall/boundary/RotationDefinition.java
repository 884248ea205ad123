package com.directorline.oncall.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/clinics/{id}/rotation}: the rotation, whole. */
@Schema(
    description =
        "The on-call rotation: shift n starts on startsOn + n x lengthDays at handoffTime (HH:mm)"
            + " in timeZone (an IANA name; the clinic's when absent) and belongs to the n-th"
            + " director of primary and of backup, round and round. backup may be empty.")
public record RotationDefinition(
    @Size(max = 64, message = "must be at most 64 characters") String timeZone,
    @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm")
        String handoffTime,
    @NotNull(message = "is required")
        @Min(value = 1, message = "must be at least 1")
        @Max(value = 28, message = "must be at most 28")
        Integer lengthDays,
    @NotNull(message = "is required") @Pattern(regexp = DATE, message = "must be YYYY-MM-DD")
        String startsOn,
    @NotNull(message = "is required") List<UUID> primary,
    List<UUID> backup) {

  static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
  static final String DATE = "[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])";

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public RotationDefinition(
      String timeZone,
      String handoffTime,
      Integer lengthDays,
      String startsOn,
      List<UUID> primary,
      List<UUID> backup) {
    this.timeZone = timeZone;
    this.handoffTime = handoffTime;
    this.lengthDays = lengthDays;
    this.startsOn = startsOn;
    this.primary = primary;
    this.backup = backup;
  }
}
