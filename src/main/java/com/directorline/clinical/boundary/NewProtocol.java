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
            + " optionally repeating every repeatSeconds (10 to 86400). basedOnVersion, the"
            + " version the writer started from (0 when there was none), makes the write fail"
            + " with 409 protocol-changed when someone published another version meanwhile.")
public record NewProtocol(
    @NotNull(message = "is required") Complication complication,
    @NotNull(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String title,
    @NotNull(message = "is required")
        @Size(min = 1, max = 30, message = "must hold 1 to 30 steps")
        @Valid
        List<@NotNull(message = "must not be null") ProtocolStepDefinition> steps,
    @Size(max = 10, message = "must hold at most 10 follow-ups") @Valid
        List<@NotNull(message = "must not be null") FollowUpDefinition> followUps,
    @Min(value = 0, message = "must be 0 (no version yet) or more") Integer basedOnVersion) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NewProtocol(
      Complication complication,
      String title,
      List<ProtocolStepDefinition> steps,
      List<FollowUpDefinition> followUps,
      Integer basedOnVersion) {
    this.complication = complication;
    this.title = title;
    this.steps = steps;
    this.followUps = followUps;
    this.basedOnVersion = basedOnVersion;
  }

  /** A follow-up scheduled when an emergency ends: so many hours later, what to do. */
  @Schema(description = "A follow-up afterHours (1 to 2160) after the end: what to do.")
  public record FollowUpDefinition(
      @NotNull(message = "is required")
          @Min(value = 1, message = "must be at least 1 hour")
          @Max(value = 2160, message = "must be at most 2160 hours (90 days)")
          Integer afterHours,
      @NotNull(message = "is required")
          @Size(max = 500, message = "must be at most 500 characters")
          @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
          String text) {

    public FollowUpDefinition(Integer afterHours, String text) {
      this.afterHours = afterHours;
      this.text = text;
    }
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
