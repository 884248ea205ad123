package com.directorline.clinical.boundary;

import com.directorline.emergencies.entity.Complication;
import com.directorline.platform.entity.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/clinics/{id}/protocols}: the next version of one protocol. */
@Schema(
    description =
        "A protocol for one complication: a title and 1 to 30 steps in order, each plain text,"
            + " optionally repeating every repeatSeconds (10 to 86400).")
public record NewProtocol(
    @NotNull(message = "is required") Complication complication,
    @NotNull(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String title,
    @NotNull(message = "is required")
        @Size(min = 1, max = 30, message = "must hold 1 to 30 steps")
        @Valid
        List<@NotNull(message = "must not be null") ProtocolStepDefinition> steps) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NewProtocol(Complication complication, String title, List<ProtocolStepDefinition> steps) {
    this.complication = complication;
    this.title = title;
    this.steps = steps;
  }

  /** One step: what to do, and how often to do it again, if at all. */
  @Schema(description = "A step in plain words; repeatSeconds when it is done again and again.")
  public record ProtocolStepDefinition(
      @NotNull(message = "is required")
          @Size(max = 1000, message = "must be at most 1000 characters")
          @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
          String text,
      @Min(value = 10, message = "must be at least 10 seconds")
          @Max(value = 86400, message = "must be at most 86400 seconds (a day)")
          Integer repeatSeconds) {

    public ProtocolStepDefinition(String text, Integer repeatSeconds) {
      this.text = text;
      this.repeatSeconds = repeatSeconds;
    }
  }
}
