package com.directorline.clinical.boundary;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of a checklist tick: what was found. */
@Schema(description = "What was found at this step (optional), e.g. 'capillary refill 3 s'.")
public record TickRequest(
    @Size(max = 500, message = "must be at most 500 characters") String finding) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public TickRequest(String finding) {
    this.finding = finding;
  }

  @Override
  public String toString() {
    // A finding describes the patient: never in a log line.
    return "TickRequest[" + (finding == null ? 0 : finding.length()) + " characters]";
  }
}
