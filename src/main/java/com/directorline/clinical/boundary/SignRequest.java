package com.directorline.clinical.boundary;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of the signature: the version the director read and signs. */
@Schema(description = "The version of the record the director read and signs.")
public record SignRequest(
    @NotNull(message = "is required: the version you read")
        @Min(value = 1, message = "must be 1 or more")
        Integer version) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public SignRequest(Integer version) {
    this.version = version;
  }
}
