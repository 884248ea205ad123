package com.directorline.followups.boundary;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/emergencies/{id}/follow-ups}. */
@Schema(
    description =
        "What to do, when it is due, and who does it (an active director or injector of the"
            + " clinic; the caller when absent).")
public record NewFollowUp(
    @NotNull(message = "is required")
        @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String what,
    @NotNull(message = "is required") Instant dueAt,
    UUID assigneeId) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NewFollowUp(String what, Instant dueAt, UUID assigneeId) {
    this.what = what;
    this.dueAt = dueAt;
    this.assigneeId = assigneeId;
  }
}
