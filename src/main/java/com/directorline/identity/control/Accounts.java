package com.directorline.identity.control;

import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.MembershipsChanged;
import com.directorline.identity.entity.OpeningHours;
import com.directorline.identity.entity.RightsChanged;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.TransferLine;
import com.directorline.identity.entity.User;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
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
  @Inject PasswordSetups setups;
  @Inject Event<RightsChanged> rightsChanged;
  @Inject Event<MembershipsChanged> membershipsChanged;
  @Inject SecurityEvents events;
  @Inject Caller caller;

  /** A new clinic, with its creator as a member so they can manage it. */
  @Transactional
  public Clinic openClinic(String name) {
    Clinic clinic = Clinic.open(name, clock);
    clinics.add(clinic);
    em.flush();
    User creator = users.byIdForUpdate(caller.userId()).orElseThrow(() -> new NotFound("user"));
    // The creator administers the clinic they open (the endpoint is for admins).
    creator.changeMemberships(Set.of(), Set.of(clinic.id()), Set.of(Role.ADMIN));
    membershipsChanged.fire(new MembershipsChanged(creator.id()));
    event(SecurityEventType.CLINIC_CREATED, null, clinic.id(), null);
    return clinic;
  }

  /**
   * What an admin changes of a clinic: null means unchanged. {@code nearestEd} holds name and phone
   * (both empty: removed).
   */
  public record ClinicChange(
      String name,
      ZoneId zone,
      List<OpeningHours> hours,
      String address,
      String nearestEdName,
      String nearestEdPhone,
      boolean nearestEdGiven,
      List<TransferLine> transferPlan) {}

  /** The clinic's settings, changed where given; every change is in the trail. */
  @Transactional
  public Clinic changeClinic(UUID clinicId, ClinicChange change) {
    caller.requireMemberOf(clinicId, "clinic");
    Clinic clinic = em.find(Clinic.class, clinicId, LockModeType.PESSIMISTIC_WRITE);
    if (clinic == null) {
      throw new NotFound("clinic");
    }
    List<String> changed = new ArrayList<>();
    if (change.name() != null && !change.name().strip().equals(clinic.name())) {
      clinic.rename(change.name());
      changed.add("name");
    }
    if (change.zone() != null && !change.zone().equals(clinic.zone())) {
      clinic.moveTo(change.zone());
      changed.add("timeZone=" + change.zone().getId());
    }
    if (change.hours() != null && !Set.copyOf(change.hours()).equals(Set.copyOf(clinic.hours()))) {
      clinic.replaceHours(change.hours());
      changed.add("hours=" + clinic.hoursSummary());
    }
    if (change.address() != null) {
      clinic.locate(change.address());
      changed.add("address");
    }
    if (change.nearestEdGiven()) {
      clinic.sendTransfersTo(change.nearestEdName(), change.nearestEdPhone());
      changed.add("nearestEd");
    }
    if (change.transferPlan() != null && !change.transferPlan().equals(clinic.transferPlan())) {
      clinic.replaceTransferPlan(change.transferPlan());
      changed.add("transferPlan=" + clinic.transferPlan().size() + " lines");
    }
    if (!changed.isEmpty()) {
      event(SecurityEventType.CLINIC_UPDATED, null, clinic.id(), String.join("; ", changed));
    }
    return clinic;
  }

  /** Data for a new account in a clinic; without a password it is an invitation. */
  public record Enrolment(
      String username,
      String displayName,
      String email,
      String phone,
      String password,
      Set<Role> roles) {
    @Override
    public String toString() {
      return "Enrolment[username=" + username + "]";
    }
  }

  /** The new account, and the one-time link to hand over when it was an invitation. */
  public record Enrolled(User user, PasswordSetups.SetupLink setupLink) {}

  /**
   * A new account in the clinic. With a password (scripts, the first admin's tooling) the account
   * is ready; without one the person is invited: the admin gets a one-time link with which the
   * person chooses their own password, which nobody else ever knows.
   */
  @Transactional
  public Enrolled enrol(UUID clinicId, Enrolment enrolment) {
    caller.requireMemberOf(clinicId, "clinic");
    String username = User.normalizeUsername(enrolment.username());
    if (users.byUsername(username).isPresent()) {
      throw new Conflict("username-taken", "This username is already taken; choose another.");
    }
    boolean invited = enrolment.password() == null;
    User user =
        User.enrol(
            username,
            enrolment.displayName(),
            enrolment.email(),
            enrolment.phone(),
            invited
                ? passwords.unusable()
                : passwords.hashNew(
                    enrolment.password(), "password", username, enrolment.displayName()),
            enrolment.roles(),
            Set.of(clinicId),
            clock);
    users.add(user);
    event(SecurityEventType.USER_CREATED, user.id(), clinicId, "roles=" + sorted(user.roles()));
    if (!invited) {
      return new Enrolled(user, null);
    }
    PasswordSetups.SetupLink link = setups.issue(user);
    event(SecurityEventType.SETUP_LINK_ISSUED, user.id(), clinicId, "invitation");
    return new Enrolled(user, link);
  }

  /**
   * A new one-time link for a person who forgot their password or never used their invitation: the
   * password they had stops working and their sessions end. Only an admin of every clinic of the
   * person may do it (what was an account takeover across clinics once, see {@link #change}).
   */
  @Transactional
  public PasswordSetups.SetupLink resetPassword(UUID userId) {
    User user = wholyAdministered(userId);
    User locked = users.byIdForUpdate(user.id()).orElseThrow(() -> new NotFound("user"));
    if (!locked.isActive()) {
      throw new Conflict(
          "user-inactive", "This account is disabled; enable it before resetting its password.");
    }
    PasswordSetups.SetupLink link = setups.issue(locked);
    for (UUID clinic : locked.clinicIds()) {
      event(SecurityEventType.SETUP_LINK_ISSUED, locked.id(), clinic, "password reset");
    }
    if (!locked.id().equals(caller.userId())) {
      rightsChanged.fire(new RightsChanged(locked.id()));
    }
    return link;
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

  /**
   * An admin's change to a person of their clinics. Roles change in the admin's clinics only (the
   * person's roles elsewhere stay). What belongs to the person rather than to a membership (name,
   * contact, password, activation) an admin may change only when they administer every clinic the
   * person works for: an admin of clinic B once reset the password of a director who also worked
   * for clinic A, signed in as them and read A's patients. Every change is recorded under every
   * clinic the person belongs to, before and after.
   */
  @Transactional
  public User change(UUID userId, Changes changes) {
    User user = visibleForUpdate(userId);
    Set<UUID> administered = caller.clinicIds();
    Set<UUID> clinicsBefore = user.clinicIds();
    boolean self = user.id().equals(caller.userId());
    boolean personal =
        changes.displayName() != null
            || changes.email() != null
            || changes.phone() != null
            || changes.password() != null
            || changes.active() != null;
    if (personal && !user.belongsOnlyTo(administered)) {
      throw new PersonOfOtherClinics();
    }
    List<Change> done = new ArrayList<>();
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
    Set<UUID> shared = intersection(user.clinicIds(), administered);
    if (changes.roles() != null && !changes.roles().equals(user.rolesIn(shared))) {
      if (self && !changes.roles().contains(Role.ADMIN)) {
        throw new Conflict("own-admin-role", "You cannot remove your own ADMIN role.");
      }
      if (changes.roles().isEmpty()) {
        throw InvalidInput.of("roles", "must name at least one role");
      }
      String before = sorted(user.rolesIn(shared));
      shared.forEach(clinic -> user.assignRoles(clinic, changes.roles()));
      done.add(
          new Change(
              SecurityEventType.ROLES_CHANGED, before + " -> " + sorted(user.rolesIn(shared))));
      revoke = true;
    }
    if (changes.clinicIds() != null) {
      Set<UUID> wanted = new HashSet<>(changes.clinicIds());
      for (UUID clinicId : wanted) {
        if (!administered.contains(clinicId)) {
          throw InvalidInput.of("clinicIds", "may only name clinics you administer");
        }
      }
      if (self && !wanted.containsAll(administered)) {
        throw new Conflict("own-membership", "You cannot remove yourself from your clinics.");
      }
      // A clinic the person newly joins gets the roles named now, else those they hold here.
      Set<Role> rolesForNew = changes.roles() != null ? changes.roles() : user.rolesIn(shared);
      try {
        user.changeMemberships(administered, wanted, rolesForNew);
      } catch (IllegalArgumentException e) {
        throw InvalidInput.of("clinicIds", "must name at least one clinic");
      }
      if (!clinicsBefore.equals(user.clinicIds())) {
        what.add("clinics");
        revoke = true;
      }
    }
    if (changes.password() != null) {
      user.changePassword(
          passwords.hashNew(changes.password(), "password", user.username(), user.displayName()),
          clock);
      done.add(new Change(SecurityEventType.PASSWORD_CHANGED, null));
      revoke = true;
    }
    if (changes.active() != null && changes.active() != user.isActive()) {
      if (self && !changes.active()) {
        throw new Conflict("own-account", "You cannot deactivate your own account.");
      }
      if (changes.active()) {
        user.reactivate();
        done.add(new Change(SecurityEventType.USER_REACTIVATED, null));
      } else {
        user.deactivate();
        done.add(new Change(SecurityEventType.USER_DEACTIVATED, null));
        revoke = true;
      }
    }
    if (!what.isEmpty()) {
      done.add(new Change(SecurityEventType.USER_UPDATED, String.join(",", what)));
    }
    Set<UUID> everyClinic = new HashSet<>(clinicsBefore);
    everyClinic.addAll(user.clinicIds());
    for (Change change : done) {
      for (UUID clinic : everyClinic) {
        event(change.type(), user.id(), clinic, change.detail());
      }
    }
    if (revoke && !self) {
      // The sessions component ends the user's open sessions, in this transaction.
      rightsChanged.fire(new RightsChanged(user.id()));
    } else if (revoke) {
      // One's own session goes on, with the rights as they are now.
      membershipsChanged.fire(new MembershipsChanged(user.id()));
    }
    return user;
  }

  private record Change(SecurityEventType type, String detail) {}

  /** 403: the person also works for a clinic the admin does not administer. */
  static final class PersonOfOtherClinics extends Forbidden {
    PersonOfOtherClinics() {
      super(
          "person-of-other-clinics",
          "This person also works for a clinic you do not administer. Their name, contact,"
              + " password and activation can be changed only by an admin of every clinic they"
              + " work for; you may change their roles and membership in your clinics.");
    }
  }

  private static Set<UUID> intersection(Set<UUID> a, Set<UUID> b) {
    Set<UUID> both = new HashSet<>(a);
    both.retainAll(b);
    return both;
  }

  /**
   * A person all of whose clinics the caller administers: only such an admin may act for the whole
   * account (unlock it, say). 404 for someone of no clinic of the caller's, 403 for someone who
   * also works for a clinic the caller does not administer.
   */
  public User wholyAdministered(UUID userId) {
    User user = visible(userId);
    if (!user.belongsOnlyTo(caller.clinicIds())) {
      throw new PersonOfOtherClinics();
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

  private static String sorted(Set<Role> roles) {
    return roles.stream().map(Role::name).sorted().toList().toString();
  }
}
