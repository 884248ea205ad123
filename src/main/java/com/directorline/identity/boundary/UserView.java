package com.directorline.identity.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user as the API shows it; never the password hash. {@code roles} are those the person holds in
 * the clinics shown, {@code memberships} says which role in which clinic.
 */
public record UserView(
    UUID id,
    String username,
    String displayName,
    String email,
    String phone,
    List<Role> roles,
    List<UUID> clinicIds,
    List<Membership> memberships,
    boolean active,
    Instant createdAt) {

  /** The person's roles in one clinic. */
  @Schema(name = "Membership", description = "The roles a person holds in one clinic.")
  public record Membership(UUID clinicId, List<Role> roles) {}

  /**
   * Shows only the memberships in {@code visibleClinics}: other clinics (and the roles held there)
   * are not the viewer's business.
   */
  static UserView of(User user, Set<UUID> visibleClinics) {
    Map<UUID, Set<Role>> byClinic = user.rolesByClinic();
    List<UUID> shown = user.clinicIds().stream().filter(visibleClinics::contains).sorted().toList();
    return new UserView(
        user.id(),
        user.username(),
        user.displayName(),
        user.email(),
        user.phone(),
        user.rolesIn(Set.copyOf(shown)).stream().sorted().toList(),
        shown,
        shown.stream()
            .map(clinic -> new Membership(clinic, byClinic.get(clinic).stream().sorted().toList()))
            .toList(),
        user.isActive(),
        user.createdAt());
  }

  public static UserView ofSelf(User user) {
    return of(user, user.clinicIds());
  }
}
