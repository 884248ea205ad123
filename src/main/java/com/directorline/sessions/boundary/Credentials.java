package com.directorline.sessions.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/auth/login}. */
@Schema(description = "A username and password to sign in with.")
public record Credentials(
    @NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public Credentials(String username, String password) {
    this.username = username;
    this.password = password;
  }

  @Override
  public String toString() {
    // Never let a password reach a log line through toString.
    return "Credentials[username=" + username + "]";
  }
}
