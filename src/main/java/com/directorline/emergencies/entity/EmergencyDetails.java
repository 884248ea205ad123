package com.directorline.emergencies.entity;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the launching injector adds after the alert went out: the body of {@code PATCH
 * /api/emergencies/{id}}. Absent fields stay as they are. The patient reference is set once,
 * because consent, photos and the audit trail are filed under it; initials and the note may change
 * (an empty note removes it).
 */
@Schema(
    description =
        "The patient's details, added while waiting for the director. Absent fields stay as they"
            + " are; the patient reference is set once; an empty note removes the note.")
public record EmergencyDetails(
    @Size(max = 64) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String patientRef,
    @Pattern(regexp = INITIALS, message = "must be 1 to 8 letters") String patientInitials,
    @Size(max = 2000, message = "must be at most 2000 characters") String note) {

  /** Some visible character (a null passes: absent). */
  static final String NOT_BLANK = PlainText.NOT_BLANK;

  /** The patient's initials: letters, with dots, hyphens and spaces between. */
  static final String INITIALS = "\\p{L}[\\p{L}.\\- ]{0,7}";

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public EmergencyDetails(String patientRef, String patientInitials, String note) {
    this.patientRef = patientRef;
    this.patientInitials = patientInitials;
    this.note = note;
  }

  public boolean isEmpty() {
    return patientRef == null && patientInitials == null && note == null;
  }

  @Override
  public String toString() {
    // Patient data: never in a log line.
    return "EmergencyDetails[patientRef="
        + (patientRef != null)
        + ", patientInitials="
        + (patientInitials != null)
        + ", note="
        + (note != null)
        + "]";
  }
}
