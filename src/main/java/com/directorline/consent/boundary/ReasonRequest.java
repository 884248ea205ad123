package com.directorline.consent.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why: a revocation's reason, or what a follow-up task's completion achieved. */
public record ReasonRequest(
    @NotBlank(message = "is required") @Size(max = 500, message = "must be at most 500 characters")
        String reason) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public ReasonRequest(String reason) {
    this.reason = reason;
  }
}
