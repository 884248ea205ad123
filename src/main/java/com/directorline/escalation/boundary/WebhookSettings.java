package com.directorline.escalation.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /api/clinics/{id}/webhook}. */
@Schema(
    description =
        "Where the clinic's alerts are POSTed and the secret they are signed with (never shown again).")
public record WebhookSettings(
    @NotBlank
        @Size(max = 2000)
        @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
        String url,
    @NotBlank @Size(min = 32, max = 200, message = "must be 32 to 200 characters") String secret) {

  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public WebhookSettings(String url, String secret) {
    this.url = url;
    this.secret = secret;
  }

  @Override
  public String toString() {
    return "WebhookSettings[url=" + url + "]";
  }
}
