package com.directorline.emergencies.entity;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the injector reports at launch: the body of {@code POST /api/emergencies}, checked by Bean
 * Validation at the boundary and handed as it is to {@link Emergency#launch}. Only the complication
 * is needed: the alert goes out first, and the patient's reference, initials and a note follow
 * ({@link EmergencyDetails}).
 */
@Schema(
    description =
        "What the injector reports at launch: the complication is enough; the patient's details"
            + " may follow with PATCH /api/emergencies/{id}.")
public record LaunchRequest(
    @NotNull Complication complication,
    @Size(max = 64) @Pattern(regexp = EmergencyDetails.NOT_BLANK, message = "must not be blank")
        String patientRef,
    @Pattern(regexp = EmergencyDetails.INITIALS, message = "must be 1 to 8 letters")
        String patientInitials,
    @Size(max = 2000) String note,
    boolean drill) {

  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public LaunchRequest(
      Complication complication,
      String patientRef,
      String patientInitials,
      String note,
      boolean drill) {
    this.complication = complication;
    this.patientRef = patientRef;
    this.patientInitials = patientInitials;
    this.note = note;
    this.drill = drill;
  }

  @Override
  public String toString() {
    return "LaunchRequest[complication=" + complication + ", drill=" + drill + "]";
  }
}
