package com.directorline.followups.boundary;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /api/follow-ups/{id}}: what changes; absent fields stay. */
@Schema(description = "A new task, due time or assignee; absent fields stay as they are.")
public record FollowUpChange(
    @Size(max = 500, message = "must be at most 500 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String what,
    Instant dueAt,
    UUID assigneeId) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public FollowUpChange(String what, Instant dueAt, UUID assigneeId) {
    this.what = what;
    this.dueAt = dueAt;
    this.assigneeId = assigneeId;
  }
}
