package com.directorline.identity.boundary;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/clinics}. */
@Schema(description = "A new clinic; its creator becomes a member.")
public record NewClinic(
    @NotBlank @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank") @Size(max = 200)
        String name) {
  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public NewClinic(String name) {
    this.name = name;
  }
}
