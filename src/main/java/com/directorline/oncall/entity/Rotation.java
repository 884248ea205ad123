package com.directorline.oncall.entity;

import com.directorline.problems.entity.InvalidInput;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A clinic's rotation: shift n starts on {@code startsOn + n * lengthDays} at the handoff time, on
 * the rotation's own wall clock. The time zone does the daylight-saving arithmetic: a handoff at
 * 08:00 stays at 08:00 local when the clocks change, so that shift is an hour shorter or longer; a
 * handoff inside the spring-forward gap happens at the first valid moment after it. Shift n belongs
 * to the n-th person of each line, round and round.
 */
@Entity
@Table(name = "rotation")
public class Rotation {

  public static final int MAX_LENGTH_DAYS = 28;
  public static final int MAX_PEOPLE = 50;

  @Id
  @Column(name = "clinic_id")
  private UUID clinicId;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(name = "handoff_time", nullable = false)
  private LocalTime handoffTime;

  @Column(name = "length_days", nullable = false)
  private int lengthDays;

  @Column(name = "starts_on", nullable = false)
  private LocalDate startsOn;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  @Version private long version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "rotation_turn", joinColumns = @JoinColumn(name = "clinic_id"))
  private List<Turn> turns = new ArrayList<>();

  protected Rotation() {}

  public Rotation(UUID clinicId) {
    this.clinicId = Objects.requireNonNull(clinicId);
  }

  /** Sets every part of the rotation at once; a rotation is defined whole, as the page shows it. */
  public void define(
      ZoneId zone,
      LocalTime handoff,
      int days,
      LocalDate firstDay,
      List<UUID> primary,
      List<UUID> backup,
      Instant now) {
    if (days < 1 || days > MAX_LENGTH_DAYS) {
      throw InvalidInput.of("lengthDays", "must be between 1 and " + MAX_LENGTH_DAYS + " days");
    }
    if (primary.isEmpty()) {
      throw InvalidInput.of("primary", "must name at least one director");
    }
    check("primary", primary);
    check("backup", backup);
    this.timeZone = zone.getId();
    this.handoffTime = Objects.requireNonNull(handoff);
    this.lengthDays = days;
    this.startsOn = Objects.requireNonNull(firstDay);
    this.changedAt = now;
    turns.clear();
    for (int i = 0; i < primary.size(); i++) {
      turns.add(new Turn(Line.PRIMARY, i, primary.get(i)));
    }
    for (int i = 0; i < backup.size(); i++) {
      turns.add(new Turn(Line.BACKUP, i, backup.get(i)));
    }
  }

  private static void check(String field, List<UUID> people) {
    if (people.size() > MAX_PEOPLE) {
      throw InvalidInput.of(field, "must name at most " + MAX_PEOPLE + " people");
    }
    if (new HashSet<>(people).size() != people.size()) {
      throw InvalidInput.of(field, "names someone twice");
    }
  }

  /** The moment shift n begins. */
  public Instant shiftStart(long n) {
    return ZonedDateTime.of(startsOn.plusDays(n * lengthDays), handoffTime, zone()).toInstant();
  }

  /** The shift running at that instant; -1 before the first handoff. */
  public long shiftAt(Instant at) {
    if (at.isBefore(shiftStart(0))) {
      return -1;
    }
    LocalDate day = at.atZone(zone()).toLocalDate();
    long n = Math.max(0, ChronoUnit.DAYS.between(startsOn, day) / lengthDays);
    while (n > 0 && shiftStart(n).isAfter(at)) {
      n--;
    }
    while (!shiftStart(n + 1).isAfter(at)) {
      n++;
    }
    return n;
  }

  /** Who the rotation puts on that line at that instant. */
  public Optional<UUID> onCall(Line line, Instant at) {
    List<UUID> people = line(line);
    long n = shiftAt(at);
    return people.isEmpty() || n < 0
        ? Optional.empty()
        : Optional.of(people.get((int) (n % people.size())));
  }

  /** The handoffs in (from, to), in order. */
  public List<Instant> handoffsBetween(Instant from, Instant to) {
    List<Instant> found = new ArrayList<>();
    long n = Math.max(0, shiftAt(from) + 1);
    for (Instant next = shiftStart(n); next.isBefore(to); next = shiftStart(++n)) {
      if (next.isAfter(from)) {
        found.add(next);
      }
    }
    return found;
  }

  /** The people of a line in turn order. */
  public List<UUID> line(Line line) {
    return turns.stream()
        .filter(t -> t.line() == line)
        .sorted(Comparator.comparingInt(Turn::position))
        .map(Turn::userId)
        .toList();
  }

  public UUID clinicId() {
    return clinicId;
  }

  public ZoneId zone() {
    return ZoneId.of(timeZone);
  }

  public LocalTime handoffTime() {
    return handoffTime;
  }

  public int lengthDays() {
    return lengthDays;
  }

  public LocalDate startsOn() {
    return startsOn;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
