package com.directorline.oncall.boundary;

import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Person;
import com.directorline.oncall.entity.Line;
import com.directorline.oncall.entity.Roster;
import com.directorline.oncall.entity.RosterOverride;
import com.directorline.oncall.entity.Rotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The roster as the API shows it: people with their names. */
@ApplicationScoped
public class RosterViews {

  @Inject Users users;

  /** A person on the roster. */
  public record RosterPersonView(UUID id, String displayName) {}

  /** The rotation. */
  public record RotationView(
      UUID clinicId,
      String timeZone,
      String handoffTime,
      int lengthDays,
      String startsOn,
      List<RosterPersonView> primary,
      List<RosterPersonView> backup,
      Instant changedAt) {}

  /** An override. */
  public record OverrideView(
      UUID id,
      Line line,
      RosterPersonView person,
      Instant from,
      Instant to,
      String reason,
      UUID createdBy,
      Instant createdAt) {}

  /** Who is on call at an instant; a line with nobody is absent. */
  public record OnCallView(Instant at, RosterPersonView primary, RosterPersonView backup) {}

  /** A stretch of one line; {@code person} absent: nobody (a gap). */
  public record ShiftView(
      Line line, RosterPersonView person, Instant from, Instant to, UUID overrideId) {}

  RotationView rotation(Rotation r) {
    Map<UUID, Person> people =
        people(Stream.concat(r.line(Line.PRIMARY).stream(), r.line(Line.BACKUP).stream()));
    return new RotationView(
        r.clinicId(),
        r.zone().getId(),
        r.handoffTime().toString(),
        r.lengthDays(),
        r.startsOn().toString(),
        r.line(Line.PRIMARY).stream().map(id -> person(people, id)).toList(),
        r.line(Line.BACKUP).stream().map(id -> person(people, id)).toList(),
        r.changedAt());
  }

  OverrideView override(RosterOverride o) {
    return overrides(List.of(o)).get(0);
  }

  List<OverrideView> overrides(List<RosterOverride> overrides) {
    Map<UUID, Person> people = people(overrides.stream().map(RosterOverride::userId));
    return overrides.stream()
        .map(
            o ->
                new OverrideView(
                    o.id(),
                    o.line(),
                    person(people, o.userId()),
                    o.startsAt(),
                    o.endsAt(),
                    o.reason(),
                    o.createdBy(),
                    o.createdAt()))
        .toList();
  }

  OnCallView onCall(Instant at, Roster roster) {
    UUID primary = roster.onCall(Line.PRIMARY, at).orElse(null);
    UUID backup = roster.onCall(Line.BACKUP, at).orElse(null);
    Map<UUID, Person> people = people(Stream.of(primary, backup));
    return new OnCallView(at, person(people, primary), person(people, backup));
  }

  List<ShiftView> shifts(List<Roster.Shift> shifts) {
    Map<UUID, Person> people = people(shifts.stream().map(Roster.Shift::userId));
    return shifts.stream()
        .map(
            s ->
                new ShiftView(
                    s.line(), person(people, s.userId()), s.from(), s.to(), s.overrideId()))
        .toList();
  }

  /** The names of these people (nulls, a line with nobody, left out), in one query. */
  private Map<UUID, Person> people(Stream<UUID> ids) {
    Set<UUID> all = ids.filter(Objects::nonNull).collect(Collectors.toSet());
    return all.isEmpty() ? Map.of() : users.people(all);
  }

  private static RosterPersonView person(Map<UUID, Person> people, UUID id) {
    if (id == null) {
      return null;
    }
    Person p = people.get(id);
    return new RosterPersonView(id, p == null ? null : p.displayName());
  }
}
