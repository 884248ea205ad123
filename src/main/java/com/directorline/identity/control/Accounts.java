package com.directorline.identity.control;

import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.RightsChanged;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The admin's work on clinics and users, always within the admin's own clinics. Every change is a
 * security event in the same transaction; a change of roles, memberships, password or activity ends
 * the user's open sessions, so no token carries stale rights.
 */
@ApplicationScoped
public class Accounts {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Users users;
  @Inject Clinics clinics;
  @Inject Passwords passwords;
  @Inject Event<RightsChanged> rightsChanged;
  @Inject SecurityEvents events;
  @Inject Caller caller;

  /** A new clinic, with its creator as a member so they can manage it. */
  @Transactional
  public Clinic openClinic(String name) {
    Clinic clinic = Clinic.open(name, clock);
    clinics.add(clinic);
    em.flush();
    User creator = users.byIdForUpdate(caller.userId()).orElseThrow(() -> new NotFound("user"));
    creator.changeMemberships(Set.of(), addTo(creator.clinicIds(), clinic.id()));
    event(SecurityEventType.CLINIC_CREATED, null, clinic.id(), null);
    return clinic;
  }

  /** Data for a new account in a clinic. */
  public record Enrolment(
      String username,
      String displayName,
      String email,
      String phone,
      String password,
      Set<Role> roles) {}

  @Transactional
  public User enrol(UUID clinicId, Enrolment enrolment) {
    caller.requireMemberOf(clinicId, "clinic");
    String username = User.normalizeUsername(enrolment.username());
    if (users.byUsername(username).isPresent()) {
      throw new Conflict("username-taken", "This username is already taken; choose another.");
    }
    User user =
        User.enrol(
            username,
            enrolment.displayName(),
            enrolment.email(),
            enrolment.phone(),
            passwords.hashNew(enrolment.password(), "password"),
            enrolment.roles(),
            Set.of(clinicId),
            clock);
    users.add(user);
    event(SecurityEventType.USER_CREATED, user.id(), clinicId, "roles=" + sorted(user.roles()));
    return user;
  }

  /** What an admin may change on a user; null leaves a field as it is. */
  public record Changes(
      String displayName,
      String email,
      String phone,
      Set<Role> roles,
      Boolean active,
      Set<UUID> clinicIds,
      String password) {}

  @Transactional
  public User change(UUID userId, Changes changes) {
    User user = visibleForUpdate(userId);
    boolean self = user.id().equals(caller.userId());
    List<String> what = new ArrayList<>();
    boolean revoke = false;
    if (changes.displayName() != null) {
      user.rename(changes.displayName());
      what.add("displayName");
    }
    if (changes.email() != null || changes.phone() != null) {
      user.changeContact(
          changes.email() != null ? changes.email() : user.email(),
          changes.phone() != null ? changes.phone() : user.phone());
      what.add("contact");
    }
    if (changes.roles() != null && !changes.roles().equals(user.roles())) {
      if (self && !changes.roles().contains(Role.ADMIN)) {
        throw new Conflict("own-admin-role", "You cannot remove your own ADMIN role.");
      }
      if (changes.roles().isEmpty()) {
        throw InvalidInput.of("roles", "must name at least one role");
      }
      String before = sorted(user.roles());
      user.assignRoles(changes.roles());
      event(
          SecurityEventType.ROLES_CHANGED, user.id(), null, before + " -> " + sorted(user.roles()));
      revoke = true;
    }
    if (changes.clinicIds() != null) {
      Set<UUID> wanted = new HashSet<>(changes.clinicIds());
      for (UUID clinicId : wanted) {
        if (!caller.isMemberOf(clinicId)) {
          throw InvalidInput.of("clinicIds", "may only name clinics you belong to");
        }
      }
      if (self && !wanted.containsAll(caller.clinicIds())) {
        throw new Conflict("own-membership", "You cannot remove yourself from your clinics.");
      }
      Set<UUID> before = user.clinicIds();
      try {
        user.changeMemberships(caller.clinicIds(), wanted);
      } catch (IllegalArgumentException e) {
        throw InvalidInput.of("clinicIds", "must name at least one clinic");
      }
      if (!before.equals(user.clinicIds())) {
        what.add("clinics");
        revoke = true;
      }
    }
    if (changes.password() != null) {
      user.changePassword(passwords.hashNew(changes.password(), "password"), clock);
      event(SecurityEventType.PASSWORD_CHANGED, user.id(), null, null);
      revoke = true;
    }
    if (changes.active() != null && changes.active() != user.isActive()) {
      if (self && !changes.active()) {
        throw new Conflict("own-account", "You cannot deactivate your own account.");
      }
      if (changes.active()) {
        user.reactivate();
        event(SecurityEventType.USER_REACTIVATED, user.id(), null, null);
      } else {
        user.deactivate();
        event(SecurityEventType.USER_DEACTIVATED, user.id(), null, null);
        revoke = true;
      }
    }
    if (!what.isEmpty()) {
      event(SecurityEventType.USER_UPDATED, user.id(), null, String.join(",", what));
    }
    if (revoke && !self) {
      // The sessions component ends the user's open sessions, in this transaction.
      rightsChanged.fire(new RightsChanged(user.id()));
    }
    return user;
  }

  /** A user who shares a clinic with the caller; anyone else "does not exist". */
  public User visible(UUID userId) {
    return users
        .byId(userId)
        .filter(u -> u.sharesClinicWith(caller.clinicIds()))
        .orElseThrow(() -> new NotFound("user"));
  }

  private User visibleForUpdate(UUID userId) {
    return users
        .byIdForUpdate(userId)
        .filter(u -> u.sharesClinicWith(caller.clinicIds()))
        .orElseThrow(() -> new NotFound("user"));
  }

  private void event(SecurityEventType type, UUID subject, UUID clinicId, String detail) {
    events.record(
        type, caller.userId(), caller.username(), subject, clinicId, caller.origin(), detail);
  }

  private static Set<UUID> addTo(Set<UUID> ids, UUID id) {
    Set<UUID> next = new HashSet<>(ids);
    next.add(id);
    return next;
  }

  private static String sorted(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toList().toString();
  }
}
