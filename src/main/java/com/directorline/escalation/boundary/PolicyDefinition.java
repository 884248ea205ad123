package com.directorline.escalation.boundary;

import com.directorline.escalation.entity.OnCall;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/clinics/{id}/escalation-policy}. */
@Schema(
    description =
        "A new version of the clinic's escalation policy: the steps in order, how often to go round again, and what to do when nobody answers.")
public record PolicyDefinition(
    @NotNull @Size(min = 1, max = 10, message = "must have 1 to 10 steps")
        List<@Valid StepDefinition> steps,
    @Min(0) @Max(5) Integer repeat,
    @NotBlank @Size(max = 4000) String transferPlan) {

  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public PolicyDefinition(List<StepDefinition> steps, Integer repeat, String transferPlan) {
    this.steps = steps;
    this.repeat = repeat;
    this.transferPlan = transferPlan;
  }

  /**
   * One step: the directors alerted together, or a roster line whose people are resolved at launch,
   * and how long they have to accept.
   */
  @Schema(
      description =
          "One step: directorIds (alerted together), or onCall (PRIMARY or BACKUP: whoever is on"
              + " that roster line when the emergency launches; ALL_DIRECTORS: every active"
              + " director of the clinic then), and how many seconds they have to accept.")
  public record StepDefinition(
      @Size(max = 10, message = "must name at most 10 directors") List<@NotNull UUID> directorIds,
      OnCall onCall,
      @NotNull @Min(1) @Max(3600) Integer timeoutSeconds) {

    /** See {@link PolicyDefinition#PolicyDefinition}. */
    public StepDefinition(List<UUID> directorIds, OnCall onCall, Integer timeoutSeconds) {
      this.directorIds = directorIds;
      this.onCall = onCall;
      this.timeoutSeconds = timeoutSeconds;
    }
  }
}
