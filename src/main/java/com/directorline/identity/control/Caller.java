package com.directorline.identity.control;

import com.directorline.audit.control.Actor;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.RequestOrigin;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who is calling, from the validated session: user, roles and clinics as the database has them now
 * (not as the token had them at sign-in). Components ask it for tenancy checks; identity and clinic
 * never come from a request body.
 *
 * <p>Roles belong to memberships, so rights are per clinic. Once the session check knows which
 * roles the operation allows, {@link #actAs} narrows the caller to the clinics where they hold one
 * of them: {@link #clinicIds}, {@link #isMemberOf} and {@link #requireMemberOf} then answer for
 * those clinics only. A person who directs in clinic A and injects in clinic B launches only in B
 * and administers neither; every tenancy check the components make is a role check too.
 */
@RequestScoped
public class Caller implements Actor {

  private UUID sessionId;
  private UUID userId;
  private String username;
  private Map<UUID, Set<Role>> rolesByClinic = Map.of();
  private Set<UUID> clinicIds = Set.of();
  private Instant idleDeadline;
  private RequestOrigin origin = RequestOrigin.SYSTEM;

  /**
   * Binds the request to a user whose session was found open; the session check does this once per
   * request, before any resource runs.
   */
  public void signedIn(
      UUID openSessionId, User user, Instant sessionIdleDeadline, RequestOrigin requestOrigin) {
    signedIn(
        openSessionId,
        user.id(),
        user.username(),
        user.rolesByClinic(),
        sessionIdleDeadline,
        requestOrigin);
  }

  /** As above, from what the session cache kept of the user: their id, name and roles. */
  public void signedIn(
      UUID openSessionId,
      UUID user,
      String name,
      Map<UUID, Set<Role>> roles,
      Instant sessionIdleDeadline,
      RequestOrigin requestOrigin) {
    if (userId != null) {
      throw new IllegalStateException("this request is already bound to a caller");
    }
    this.sessionId = openSessionId;
    this.userId = user;
    this.username = name;
    this.rolesByClinic = Map.copyOf(roles);
    this.clinicIds = rolesByClinic.keySet();
    this.idleDeadline = sessionIdleDeadline;
    this.origin = requestOrigin;
  }

  /**
   * Narrows the request to the clinics where the caller holds one of the operation's roles; the
   * session check calls it with the method's {@code @RolesAllowed}. True when there is one.
   */
  public boolean actAs(Set<String> allowedRoles) {
    Set<UUID> acting =
        rolesByClinic.entrySet().stream()
            .filter(e -> e.getValue().stream().anyMatch(r -> allowedRoles.contains(r.name())))
            .map(Map.Entry::getKey)
            .collect(Collectors.toUnmodifiableSet());
    this.clinicIds = acting;
    return !acting.isEmpty();
  }

  /** A request without an open session: only where it came from is known. */
  public void anonymous(RequestOrigin requestOrigin) {
    this.origin = requestOrigin;
  }

  @Override
  public boolean isSignedIn() {
    return userId != null;
  }

  /** Passes when the caller belongs to the clinic; otherwise the clinic "does not exist". */
  public void requireMemberOf(UUID clinicId, String what) {
    if (clinicId == null || !clinicIds.contains(clinicId)) {
      throw new NotFound(what);
    }
  }

  /**
   * The clinic a request names (the caller must belong to it), or, when it names none, the caller's
   * only clinic; 400 naming clinicId for someone of several clinics.
   */
  public UUID clinicOrOnly(UUID requested) {
    if (requested != null) {
      requireMemberOf(requested, "clinic");
      return requested;
    }
    if (clinicIds.size() != 1) {
      throw InvalidInput.of(
          "clinicId", "is required because you belong to several clinics; name one of them");
    }
    return clinicIds.iterator().next();
  }

  public boolean isMemberOf(UUID clinicId) {
    return clinicIds.contains(clinicId);
  }

  /** Whether the caller holds the role in that clinic (and acts there in this request). */
  public boolean hasRole(Role role, UUID clinicId) {
    return clinicIds.contains(clinicId)
        && rolesByClinic.getOrDefault(clinicId, Set.of()).contains(role);
  }

  /** Every role the caller holds, per clinic (not narrowed to the operation's roles). */
  public Map<UUID, Set<Role>> rolesByClinic() {
    return rolesByClinic;
  }

  public UUID sessionId() {
    return sessionId;
  }

  @Override
  public UUID userId() {
    return userId;
  }

  @Override
  public String username() {
    return username;
  }

  /** The caller's roles in the clinics they act in now. */
  public Set<Role> roles() {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    clinicIds.forEach(clinic -> roles.addAll(rolesByClinic.getOrDefault(clinic, Set.of())));
    return roles;
  }

  @Override
  public Set<String> roleNames() {
    return roles().stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public Set<UUID> clinicIds() {
    return clinicIds;
  }

  public Instant idleDeadline() {
    return idleDeadline;
  }

  @Override
  public RequestOrigin origin() {
    return origin;
  }
}
