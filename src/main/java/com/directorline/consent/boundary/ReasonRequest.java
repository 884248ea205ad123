package com.directorline.consent.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a consent is revoked. */
@Schema(description = "Why a consent is revoked.")
public record ReasonRequest(
    @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String reason) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public ReasonRequest(String reason) {
    this.reason = reason;
  }
}
