package com.directorline.consent.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What completing a follow-up task achieved, e.g. "patient informed, consent recorded". */
@Schema(
    description =
        "What completing a follow-up task achieved, e.g. \"patient informed, consent recorded\".")
public record TaskCompletion(
    @NotBlank(message = "is required: what was done")
        @Size(max = 2000, message = "must be at most 2000 characters")
        String note) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public TaskCompletion(String note) {
    this.note = note;
  }
}
