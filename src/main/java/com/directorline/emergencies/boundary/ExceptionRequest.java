package com.directorline.emergencies.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why the patient cannot consent now (e.g. "unresponsive", "anaphylaxis, cannot speak"). */
@Schema(description = "Why the patient cannot consent now.")
public record ExceptionRequest(
    @NotBlank(message = "is required: why the patient cannot consent now")
        @Size(max = 1000, message = "must be at most 1000 characters")
        String reason) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public ExceptionRequest(String reason) {
    this.reason = reason;
  }
}
