package com.directorline.consent.boundary;

import com.directorline.consent.entity.ConsentKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new version of the clinic's consent text of one kind. */
@Schema(
    description =
        "The next version of the clinic's consent text of one kind; texts are never edited.")
public record NewConsentText(
    @NotNull(message = "is required: TELEHEALTH_CONSULT or PHOTO_CAPTURE_AND_SHARING")
        ConsentKind kind,
    @NotBlank(message = "is required")
        @Size(max = 20000, message = "must be at most 20000 characters")
        String text) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NewConsentText(ConsentKind kind, String text) {
    this.kind = kind;
    this.text = text;
  }
}
