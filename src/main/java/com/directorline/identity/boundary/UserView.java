package com.directorline.identity.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A user as the API shows it; never the password hash. */
public record UserView(
    UUID id,
    String username,
    String displayName,
    String email,
    String phone,
    List<Role> roles,
    List<UUID> clinicIds,
    boolean active,
    Instant createdAt) {

  /**
   * Shows only the memberships in {@code visibleClinics}: other clinics are not the viewer's
   * business.
   */
  static UserView of(User user, Set<UUID> visibleClinics) {
    return new UserView(
        user.id(),
        user.username(),
        user.displayName(),
        user.email(),
        user.phone(),
        user.roles().stream().sorted().toList(),
        user.clinicIds().stream().filter(visibleClinics::contains).sorted().toList(),
        user.isActive(),
        user.createdAt());
  }

  public static UserView ofSelf(User user) {
    return of(user, user.clinicIds());
  }
}
