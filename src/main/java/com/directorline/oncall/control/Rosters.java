package com.directorline.oncall.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.oncall.entity.CoverageWarning;
import com.directorline.oncall.entity.HandedOver;
import com.directorline.oncall.entity.Line;
import com.directorline.oncall.entity.Roster;
import com.directorline.oncall.entity.RosterOverride;
import com.directorline.oncall.entity.Rotation;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import com.directorline.problems.entity.Violation;
import com.directorline.sessions.control.Lockouts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps each clinic's rotation and overrides, and answers who is on call. Every change is in the
 * audit trail under the clinic.
 */
@ApplicationScoped
public class Rosters {

  /** A calendar shows at most this long a period at once. */
  public static final Duration LONGEST_CALENDAR = Duration.ofDays(62);

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Users users;
  @Inject Lockouts lockouts;
  @Inject AuditTrail trail;
  @Inject Clock clock;
  @Inject Event<HandedOver> handedOver;

  /** What a rotation is made of, as the admin defines it. */
  public record Definition(
      ZoneId zone,
      LocalTime handoff,
      int lengthDays,
      LocalDate startsOn,
      List<UUID> primary,
      List<UUID> backup) {}

  public Optional<Rotation> rotation(UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    return Optional.ofNullable(em.find(Rotation.class, clinicId));
  }

  /** Defines the clinic's rotation whole; everyone named must be an active director there. */
  @Transactional
  public Rotation define(UUID clinicId, Definition d) {
    caller.requireMemberOf(clinicId, "clinic");
    List<Violation> violations = new ArrayList<>();
    notDirectors(clinicId, "primary", d.primary(), violations);
    notDirectors(clinicId, "backup", d.backup(), violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    Rotation rotation = em.find(Rotation.class, clinicId, LockModeType.PESSIMISTIC_WRITE);
    boolean isNew = rotation == null;
    if (isNew) {
      rotation = new Rotation(clinicId);
    }
    rotation.define(
        d.zone(),
        d.handoff(),
        d.lengthDays(),
        d.startsOn(),
        d.primary(),
        d.backup(),
        clock.instant());
    if (isNew) {
      em.persist(rotation);
    }
    record(
        isNew ? AuditAction.CREATE : AuditAction.UPDATE,
        clinicId,
        clinicId,
        "rotation: every "
            + d.lengthDays()
            + " days at "
            + d.handoff()
            + " "
            + d.zone().getId()
            + " from "
            + d.startsOn()
            + ", primary "
            + d.primary()
            + ", backup "
            + d.backup());
    return rotation;
  }

  private void notDirectors(
      UUID clinicId, String field, List<UUID> people, List<Violation> violations) {
    for (int i = 0; i < people.size(); i++) {
      if (!isActiveDirector(clinicId, people.get(i))) {
        violations.add(
            new Violation(field + "[" + i + "]", "is not an active director of this clinic"));
      }
    }
  }

  private boolean isActiveDirector(UUID clinicId, UUID person) {
    return users.acts(person, Role.DIRECTOR, clinicId);
  }

  /** The clinic's roster with the overrides that touch [from, to). */
  public Roster roster(UUID clinicId, Instant from, Instant to) {
    return new Roster(
        em.find(Rotation.class, clinicId),
        em.createQuery(
                "select o from RosterOverride o where o.clinicId = :clinic"
                    + " and o.endsAt > :from and o.startsAt < :to",
                RosterOverride.class)
            .setParameter("clinic", clinicId)
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList());
  }

  /**
   * Who is on the line at that instant, for the system (an emergency launching): no caller check.
   */
  public Optional<UUID> onCall(UUID clinicId, Line line, Instant at) {
    return roster(clinicId, at, at.plusNanos(1)).onCall(line, at);
  }

  /**
   * The overrides touching [from, to), earliest first, each whole (not cut like the calendar's
   * shifts, and with its reason): the list the admin page manages. At most 200.
   */
  public List<RosterOverride> overrides(UUID clinicId, Instant from, Instant to) {
    requirePeriod(clinicId, from, to, LONGEST_OVERRIDE_LIST);
    return em.createQuery(
            "select o from RosterOverride o where o.clinicId = :clinic"
                + " and o.endsAt > :from and o.startsAt < :to order by o.startsAt, o.createdAt",
            RosterOverride.class)
        .setParameter("clinic", clinicId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(200)
        .getResultList();
  }

  static final Duration LONGEST_OVERRIDE_LIST = Duration.ofDays(366);

  /** A member of the clinic asking for [from, to): in order, and no longer than {@code longest}. */
  private void requirePeriod(UUID clinicId, Instant from, Instant to, Duration longest) {
    caller.requireMemberOf(clinicId, "clinic");
    if (!from.isBefore(to)) {
      throw InvalidInput.of("from", "must be before to");
    }
    if (Duration.between(from, to).compareTo(longest) > 0) {
      throw InvalidInput.of("to", "must be within " + longest.toDays() + " days of from");
    }
  }

  /** The shifts of [from, to) for the calendar, for a member of the clinic. */
  public List<Roster.Shift> calendar(UUID clinicId, Instant from, Instant to) {
    requirePeriod(clinicId, from, to, LONGEST_CALENDAR);
    return roster(clinicId, from, to).shifts(from, to);
  }

  /** A stretch in which the roster does not cover a line: nobody, or someone who cannot answer. */
  public record Gap(Line line, UUID userId, Instant from, Instant to, String why) {}

  /**
   * The gaps in [from, to): no primary, or someone on either line who cannot sign in to answer: a
   * disabled account, one whose password is still to be chosen through a one-time link, or one
   * locked out of signing in where they usually do (for as long as the lock lasts; an admin's
   * unlock ends it).
   */
  public List<Gap> gaps(UUID clinicId, Instant from, Instant to) {
    calendar(clinicId, from, to); // the caller's checks, and the range's
    return gapsOf(clinicId, from, to);
  }

  /** The gaps, for the system's coverage check: no caller. */
  public List<Gap> gapsOf(UUID clinicId, Instant from, Instant to) {
    List<Roster.Shift> shifts = roster(clinicId, from, to).shifts(from, to);
    Map<UUID, User> people = new HashMap<>();
    for (Roster.Shift shift : shifts) {
      if (shift.userId() != null && !people.containsKey(shift.userId())) {
        users.byId(shift.userId()).ifPresent(person -> people.put(person.id(), person));
      }
    }
    Map<UUID, Instant> locked =
        lockouts.lockedOut(people.values().stream().filter(User::isActive).toList());
    List<Gap> gaps = new ArrayList<>();
    for (Roster.Shift shift : shifts) {
      Instant gapFrom = shift.from();
      Instant gapTo = shift.to();
      String why = null;
      if (shift.userId() == null) {
        why = shift.line() == Line.PRIMARY ? "nobody is on call" : null;
      } else {
        User person = people.get(shift.userId());
        if (person == null || !person.isActive()) {
          why = "the director on call is disabled";
        } else if (person.passwordPending()) {
          // Invited and not yet signed up, or reset and not yet back: they cannot sign in to
          // answer.
          why = "the director on call has not set a password yet";
        } else if (locked.containsKey(person.id())
            && locked.get(person.id()).isAfter(shift.from())) {
          why = "the director on call is locked out of signing in";
          gapTo = locked.get(person.id()).isBefore(shift.to()) ? locked.get(person.id()) : gapTo;
        }
      }
      if (why == null) {
        continue;
      }
      Gap last = gaps.isEmpty() ? null : gaps.get(gaps.size() - 1);
      if (last != null
          && last.line() == shift.line()
          && last.to().equals(gapFrom)
          && last.why().equals(why)
          && Objects.equals(last.userId(), shift.userId())) {
        gaps.set(gaps.size() - 1, new Gap(last.line(), last.userId(), last.from(), gapTo, why));
      } else {
        gaps.add(new Gap(shift.line(), shift.userId(), gapFrom, gapTo, why));
      }
    }
    return gaps;
  }

  /** The day each clinic was last warned of gaps, so a round skips those warned today. */
  public Map<UUID, LocalDate> warnedDays() {
    Map<UUID, LocalDate> days = new HashMap<>();
    em.createQuery("select w.clinicId, w.warnedOn from CoverageWarning w", Object[].class)
        .getResultList()
        .forEach(row -> days.put((UUID) row[0], (LocalDate) row[1]));
    return days;
  }

  /**
   * Claims the clinic's day for a coverage warning, so that its admins hear of gaps at most once a
   * day, however many instances check. False when the day is taken.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean claimWarning(UUID clinicId, LocalDate day) {
    CoverageWarning warning =
        em.find(CoverageWarning.class, clinicId, LockModeType.PESSIMISTIC_WRITE);
    if (warning == null) {
      em.persist(new CoverageWarning(clinicId, day));
      em.flush(); // a second instance inserting the same day fails here, and does not warn
      return true;
    }
    return warning.claim(day);
  }

  /**
   * Adds an override. An admin may put any active director of the clinic on a line; a director may
   * only give away a stretch that is theirs (they are on that line when it starts).
   */
  @Transactional
  public RosterOverride cover(
      UUID clinicId, Line line, UUID userId, Instant from, Instant to, String reason) {
    caller.requireMemberOf(clinicId, "clinic");
    if (!isActiveDirector(clinicId, userId)) {
      throw InvalidInput.of("userId", "is not an active director of this clinic");
    }
    if (!caller.hasRole(Role.ADMIN, clinicId)) {
      UUID onCallThen = onCall(clinicId, line, from).orElse(null);
      if (!caller.userId().equals(onCallThen)) {
        throw new Forbidden(
            "not-your-shift",
            "A director can hand over only a stretch of their own shift; ask an admin for others.");
      }
    }
    RosterOverride override =
        new RosterOverride(
            clinicId, line, userId, from, to, reason, caller.userId(), clock.instant());
    em.persist(override);
    record(
        AuditAction.CREATE,
        clinicId,
        override.id(),
        "override: " + line + " " + userId + " from " + from + " to " + to);
    return override;
  }

  /** Removes an override: an admin, or the director who made it. */
  @Transactional
  public void remove(UUID clinicId, UUID overrideId) {
    caller.requireMemberOf(clinicId, "clinic");
    RosterOverride override = em.find(RosterOverride.class, overrideId);
    if (override == null || !override.clinicId().equals(clinicId)) {
      throw new NotFound("override");
    }
    if (!caller.hasRole(Role.ADMIN, clinicId) && !caller.userId().equals(override.createdBy())) {
      throw new Forbidden(
          "not-your-override", "Only an admin or the director who made it can remove it.");
    }
    em.remove(override);
    record(
        AuditAction.DELETE,
        clinicId,
        overrideId,
        "override removed: " + override.line() + " " + override.userId());
  }

  /**
   * "I can't take calls for the next N minutes": the director on a line now gives it to whoever is
   * on the other line now, who is told.
   */
  @Transactional
  public RosterOverride handOver(UUID clinicId, Duration span) {
    caller.requireMemberOf(clinicId, "clinic");
    Instant now = clock.instant();
    Roster roster = roster(clinicId, now, now.plusNanos(1));
    UUID me = caller.userId();
    Line mine =
        me.equals(roster.onCall(Line.PRIMARY, now).orElse(null))
            ? Line.PRIMARY
            : me.equals(roster.onCall(Line.BACKUP, now).orElse(null)) ? Line.BACKUP : null;
    if (mine == null) {
      throw new Conflict(
          "not-on-call", "You are not on call now, so there is nothing to hand over.");
    }
    Line other = mine == Line.PRIMARY ? Line.BACKUP : Line.PRIMARY;
    UUID to =
        roster
            .onCall(other, now)
            .filter(id -> !id.equals(me))
            .orElseThrow(
                () ->
                    new Conflict(
                        "nobody-to-hand-over-to",
                        "Nobody is on the "
                            + other.name().toLowerCase()
                            + " line now; ask an admin to find cover."));
    RosterOverride override =
        new RosterOverride(clinicId, mine, to, now, now.plus(span), "handed over", me, now);
    em.persist(override);
    record(
        AuditAction.CREATE,
        clinicId,
        override.id(),
        "handed over: " + mine + " to " + to + " until " + override.endsAt());
    handedOver.fire(new HandedOver(clinicId, mine, me, to, override.endsAt()));
    return override;
  }

  private void record(AuditAction action, UUID clinicId, UUID object, String detail) {
    trail.record(
        AuditEvent.of(action, ObjectType.ON_CALL, object)
            .clinic(clinicId)
            .purpose(Purpose.OPERATIONS)
            .detail(detail));
  }
}
