package com.directorline.compliance.boundary;

import com.directorline.compliance.entity.FlagKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A review attestation: the period reviewed, optionally only one kind of flag or one event in it,
 * and the officer's note. clinicId is needed only by officers of several clinics.
 */
@Schema(
    description =
        "A review attestation: the period reviewed, optionally one kind of flag or one event in"
            + " it, and the officer's note. clinicId only for officers of several clinics.")
public record ReviewRequest(
    UUID clinicId,
    @NotNull(message = "is required") Instant from,
    @NotNull(message = "is required") Instant to,
    FlagKind kind,
    Long eventId,
    @NotBlank(message = "is required: say what you checked and what you found")
        @Size(max = 2000, message = "must be at most 2000 characters")
        String note) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public ReviewRequest(
      UUID clinicId, Instant from, Instant to, FlagKind kind, Long eventId, String note) {
    this.clinicId = clinicId;
    this.from = from;
    this.to = to;
    this.kind = kind;
    this.eventId = eventId;
    this.note = note;
  }
}
