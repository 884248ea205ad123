package com.directorline.identity.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PATCH /api/users/{id}}: absent fields stay as they are. */
@Schema(description = "Changes to a staff member; absent fields stay as they are.")
public record UserChanges(
    @Size(min = 1, max = 200) @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String displayName,
    @Email @Size(max = 254) String email,
    @Size(max = 40) @Pattern(regexp = "[+0-9 ()-]*", message = "must be a phone number")
        String phone,
    Set<@NotNull(message = "must not be null") Role> roles,
    Boolean active,
    Set<@NotNull(message = "must not be null") UUID> clinicIds,
    @Size(min = 12, max = 128, message = "must be 12 to 128 characters") String password) {
  /**
   * Declared so the constraints stay on the fields only: Payara 6.2025.10's OpenAPI scanner fails
   * on constrained constructor parameters (payara/Payara#7649).
   */
  public UserChanges(
      String displayName,
      String email,
      String phone,
      Set<@NotNull(message = "must not be null") Role> roles,
      Boolean active,
      Set<@NotNull(message = "must not be null") UUID> clinicIds,
      String password) {
    this.displayName = displayName;
    this.email = email;
    this.phone = phone;
    this.roles = roles;
    this.active = active;
    this.clinicIds = clinicIds;
    this.password = password;
  }

  @Override
  public String toString() {
    return "UserChanges[roles=" + roles + ", active=" + active + "]";
  }
}
