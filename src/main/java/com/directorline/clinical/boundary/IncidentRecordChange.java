package com.directorline.clinical.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT .../incident-record}: the draft and the version it was based on. */
@Schema(
    description =
        "The record's fields and the version they were based on (0 for the first save); a save"
            + " over a newer version is refused with 409 record-changed.")
public record IncidentRecordChange(
    @NotNull(message = "is required: the version you read, 0 for a new record")
        @Min(value = 0, message = "must be 0 or more")
        Integer version,
    @NotNull(message = "is required") @Valid IncidentDraft record) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public IncidentRecordChange(Integer version, IncidentDraft record) {
    this.version = version;
    this.record = record;
  }
}
