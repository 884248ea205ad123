package com.directorline.followups.boundary;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/follow-ups/{id}/complete}: how it went. */
@Schema(description = "The outcome: what was found or said, and what happens next.")
public record FollowUpCompletion(
    @NotNull(message = "is required: how it went")
        @Size(max = 2000, message = "must be at most 2000 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String outcome) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public FollowUpCompletion(String outcome) {
    this.outcome = outcome;
  }

  @Override
  public String toString() {
    return "FollowUpCompletion[" + (outcome == null ? 0 : outcome.length()) + " characters]";
  }
}
