package com.directorline.emergencies.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A note for the timeline: the guidance given, a reassessment, what was done. */
@Schema(description = "A note for the timeline: the guidance given, a reassessment, what was done.")
public record NoteRequest(
    @NotBlank(message = "is required: what to write in the timeline")
        @Size(max = 4000, message = "must be at most 4000 characters")
        String text) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NoteRequest(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    // The text may describe the patient: never in a log line.
    return "NoteRequest[" + (text == null ? 0 : text.length()) + " characters]";
  }
}
