package com.directorline.identity.boundary;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /api/clinics/{id}} (JSON merge patch): absent fields stay as they are;
 * {@code hours} replaces the whole week.
 */
@Schema(
    description =
        "Clinic settings. Absent fields stay as they are. timeZone is an IANA name"
            + " (the address and the nearest emergency department: empty strings remove them)"
            + " (America/Los_Angeles); hours replaces the whole week, each span within one day"
            + " in the clinic's time zone, spans of a day not overlapping; an empty list means"
            + " never open. transferPlan replaces the whole plan (an empty list removes it).")
public record ClinicSettings(
    @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String name,
    @Size(max = 64, message = "must be at most 64 characters") String timeZone,
    @Valid @Size(max = 28, message = "must hold at most 28 spans")
        List<@NotNull(message = "must not be null") Span> hours,
    @Size(max = 300, message = "must be at most 300 characters") String address,
    @Valid EmergencyDepartment nearestEd,
    @Valid @Size(max = 10, message = "must hold at most 10 lines")
        List<@NotNull(message = "must not be null") TransferPlanLine> transferPlan) {

  static final String NOT_BLANK = PlainText.NOT_BLANK;
  static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public ClinicSettings(
      String name,
      String timeZone,
      List<Span> hours,
      String address,
      EmergencyDepartment nearestEd,
      List<TransferPlanLine> transferPlan) {
    this.name = name;
    this.timeZone = timeZone;
    this.hours = hours;
    this.address = address;
    this.nearestEd = nearestEd;
    this.transferPlan = transferPlan;
  }

  /** One line of the transfer plan: what to do, and a number to call for it if there is one. */
  @Schema(
      description =
          "A line of the transfer plan the phone shows when the patient must go to hospital or no"
              + " director answers; the phone, if any, is offered tap-to-call.")
  public record TransferPlanLine(
      @NotNull(message = "is required")
          @Size(max = 300, message = "must be at most 300 characters")
          @Pattern(regexp = NOT_BLANK, message = "must not be blank")
          String text,
      @Pattern(regexp = PHONE, message = "must be a phone number such as +1 555 0100")
          String phone) {

    public TransferPlanLine(String text, String phone) {
      this.text = text;
      this.phone = phone;
    }
  }

  /** Where patients are transferred: both empty removes it. */
  @Schema(description = "The nearest emergency department: name and phone, both or neither.")
  public record EmergencyDepartment(
      @Size(max = 200, message = "must be at most 200 characters") String name,
      @Pattern(regexp = PHONE, message = "must be a phone number such as +1 555 0100")
          String phone) {

    public EmergencyDepartment(String name, String phone) {
      this.name = name;
      this.phone = phone;
    }
  }

  /**
   * A number to dial: 3 to 20 digits (911 and 112 are numbers too) with the usual separators, or
   * empty (none). One digit among dashes was taken for a phone and counted as a number to call.
   */
  static final String PHONE = "|(?=(?:\\D*\\d){3,20}\\D*$)\\+?[0-9(][0-9 ().-]{1,38}";

  /** One span of opening hours: 09:00 to 18:00 on a Monday. */
  @Schema(description = "Open from opens (included) to closes (excluded), HH:mm, same day.")
  public record Span(
      @NotNull(message = "is required") DayOfWeek day,
      @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm")
          String opens,
      @NotNull(message = "is required") @Pattern(regexp = TIME, message = "must be HH:mm")
          String closes) {

    public Span(DayOfWeek day, String opens, String closes) {
      this.day = day;
      this.opens = opens;
      this.closes = closes;
    }
  }
}
