package com.directorline.clinical.boundary;

import com.directorline.clinical.entity.DoseUnit;
import com.directorline.clinical.entity.Route;
import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/emergencies/{id}/orders}: what the director orders. */
@Schema(
    description =
        "A medication order: the medication, the dose as a number with its unit, the route, and"
            + " optionally the site and a note.")
public record NewOrder(
    @NotNull(message = "is required")
        @Size(max = 200, message = "must be at most 200 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String medication,
    @NotNull(message = "is required")
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @DecimalMax(value = "100000", message = "must be at most 100000")
        @Digits(integer = 6, fraction = 4, message = "must have at most 4 decimal places")
        BigDecimal dose,
    @NotNull(message = "is required") DoseUnit unit,
    @NotNull(message = "is required") Route route,
    @Size(max = 200, message = "must be at most 200 characters") String site,
    @Size(max = 500, message = "must be at most 500 characters") String note) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NewOrder(
      String medication, BigDecimal dose, DoseUnit unit, Route route, String site, String note) {
    this.medication = medication;
    this.dose = dose;
    this.unit = unit;
    this.route = route;
    this.site = site;
    this.note = note;
  }
}
