package com.directorline.consent.boundary;

import com.directorline.consent.entity.ConsentKind;
import com.directorline.consent.entity.ConsentMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A consent as the injector or director records it. {@code givenBy.relationship} is "self" when the
 * patient consents, otherwise the surrogate's relationship (e.g. "mother"). {@code signature}
 * (electronic signature only) is a PNG data URL or the typed name.
 */
@Schema(
    description =
        "A consent as the injector or director records it, to the consent text version shown.")
public record NewConsent(
    @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters")
        String patientRef,
    @NotNull(message = "is required: TELEHEALTH_CONSULT or PHOTO_CAPTURE_AND_SHARING")
        ConsentKind kind,
    @NotNull(message = "is required: the id of the consent text shown") UUID consentTextId,
    @NotNull(message = "is required: {name, relationship}") @Valid GivenBy givenBy,
    @NotNull(message = "is required: VERBAL_ATTESTED, WRITTEN or ELECTRONIC_SIGNATURE")
        ConsentMethod method,
    @Size(max = 200, message = "must be at most 200 characters") String witness,
    @Size(max = 60000, message = "must be at most 60000 characters") String signature,
    Instant validUntil) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public NewConsent(
      String patientRef,
      ConsentKind kind,
      UUID consentTextId,
      GivenBy givenBy,
      ConsentMethod method,
      String witness,
      String signature,
      Instant validUntil) {
    this.patientRef = patientRef;
    this.kind = kind;
    this.consentTextId = consentTextId;
    this.givenBy = givenBy;
    this.method = method;
    this.witness = witness;
    this.signature = signature;
    this.validUntil = validUntil;
  }

  /** Who gave the consent. */
  @Schema(description = "Who gave the consent: the patient (relationship \"self\") or a surrogate.")
  public record GivenBy(
      @NotBlank(message = "is required")
          @Size(max = 200, message = "must be at most 200 characters")
          String name,
      @NotBlank(message = "is required: \"self\" or the surrogate's relationship")
          @Size(max = 64, message = "must be at most 64 characters")
          String relationship) {

    public GivenBy(String name, String relationship) {
      this.name = name;
      this.relationship = relationship;
    }
  }
}
