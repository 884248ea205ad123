package com.directorline.oncall.boundary;

import com.directorline.oncall.entity.Line;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/clinics/{id}/overrides}. */
@Schema(description = "userId covers line for [from, to) (at most 90 days), with a reason.")
public record OverrideRequest(
    @NotNull(message = "is required") Line line,
    @NotNull(message = "is required") UUID userId,
    @NotNull(message = "is required") Instant from,
    @NotNull(message = "is required") Instant to,
    @Size(max = 200, message = "must be at most 200 characters") String reason) {

  public OverrideRequest(Line line, UUID userId, Instant from, Instant to, String reason) {
    this.line = line;
    this.userId = userId;
    this.from = from;
    this.to = to;
    this.reason = reason;
  }
}
