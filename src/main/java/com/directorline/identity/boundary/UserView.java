package com.directorline.identity.boundary;

import com.directorline.identity.control.PasswordSetups;
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
    Instant createdAt,
    boolean passwordPending,
    SetupLinkView setup) {

  /**
   * A one-time link to choose a password, in the answer that issued it only: it is not stored and
   * cannot be shown again.
   */
  @Schema(
      description =
          "A one-time link (a path on this server) with which the person chooses their password;"
              + " shown once, valid until expiresAt.")
  public record SetupLinkView(String link, Instant expiresAt) {
    public static SetupLinkView of(PasswordSetups.SetupLink link) {
      return new SetupLinkView(link.path(), link.expiresAt());
    }

    @Override
    public String toString() {
      return "SetupLinkView[expiresAt=" + expiresAt + "]";
    }
  }

  /** The person's roles in one clinic; the clinic's name only in the person's own view. */
  @Schema(name = "Membership", description = "The roles a person holds in one clinic.")
  public record Membership(
      UUID clinicId,
      @Schema(
              description =
                  "The clinic's name: only in the signed-in person's own view (GET /api/me), for"
                      + " pages that let them choose among their clinics.")
          String clinicName,
      List<Role> roles) {}

  /**
   * Shows only the memberships in {@code visibleClinics}: other clinics (and the roles held there)
   * are not the viewer's business.
   */
  static UserView of(User user, Set<UUID> visibleClinics) {
    return of(user, visibleClinics, null);
  }

  /** The view with the link just issued: the one answer that may show it. */
  static UserView of(User user, Set<UUID> visibleClinics, PasswordSetups.SetupLink link) {
    return of(user, visibleClinics, link, Map.of());
  }

  private static UserView of(
      User user,
      Set<UUID> visibleClinics,
      PasswordSetups.SetupLink link,
      Map<UUID, String> clinicNames) {
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
            .map(
                clinic ->
                    new Membership(
                        clinic,
                        clinicNames.get(clinic),
                        byClinic.get(clinic).stream().sorted().toList()))
            .toList(),
        user.isActive(),
        user.createdAt(),
        user.passwordPending(),
        link == null ? null : SetupLinkView.of(link));
  }

  public static UserView ofSelf(User user) {
    return of(user, user.clinicIds());
  }

  /** The person's own view with the names of their clinics (clinic id to name). */
  public static UserView ofSelf(User user, Map<UUID, String> clinicNames) {
    return of(user, user.clinicIds(), null, clinicNames);
  }
}
