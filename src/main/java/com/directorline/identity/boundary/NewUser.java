package com.directorline.identity.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/clinics/{id}/users}. */
@Schema(
    description =
        "A new staff member of the clinic with their roles. Without a password it is an"
            + " invitation: the answer carries a one-time link (setup) with which the person"
            + " chooses their own password.")
public record NewUser(
    @NotBlank
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,63}",
            message = "must be 3 to 64 letters, digits, dots, dashes or underscores")
        String username,
    @NotBlank @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank") @Size(max = 200)
        String displayName,
    @Email @Size(max = 254) String email,
    @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number")
        String phone,
    @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password,
    @NotEmpty(message = "must name at least one role")
        Set<@NotNull(message = "must not be null") Role> roles) {
  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public NewUser(
      String username,
      String displayName,
      String email,
      String phone,
      String password,
      Set<Role> roles) {
    this.username = username;
    this.displayName = displayName;
    this.email = email;
    this.phone = phone;
    this.password = password;
    this.roles = roles;
  }

  @Override
  public String toString() {
    return "NewUser[username=" + username + "]";
  }
}
