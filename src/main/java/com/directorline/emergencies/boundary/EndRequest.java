package com.directorline.emergencies.boundary;

import com.directorline.emergencies.entity.Outcome;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/emergencies/{id}/end}. */
@Schema(description = "How the emergency ended, and a summary.")
public record EndRequest(@NotNull Outcome outcome, @Size(max = 4000) String summary) {

  /** See {@link LaunchRequest#LaunchRequest}. */
  public EndRequest(Outcome outcome, String summary) {
    this.outcome = outcome;
    this.summary = summary;
  }

  @Override
  public String toString() {
    return "EndRequest[outcome=" + outcome + "]";
  }
}
