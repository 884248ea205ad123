package com.directorline.identity.entity;

import com.directorline.problems.entity.InvalidInput;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A medical spa: the unit of tenancy. It keeps its own time zone and opening hours, because what
 * "after hours" means is the clinic's wall clock, not the server's.
 */
@Entity
@Table(name = "clinic")
public class Clinic {

  /** Spans a week may hold: two per day is a lunch break; more is a mistake in the form. */
  public static final int MAX_SPANS = 28;

  @Id private UUID id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "time_zone", nullable = false, length = 64)
  private String timeZone;

  @Column(length = 300)
  private String address;

  @Column(name = "nearest_ed_name", length = 200)
  private String nearestEdName;

  @Column(name = "nearest_ed_phone", length = 40)
  private String nearestEdPhone;

  // Read when used (the flags, the settings), not with every read of the clinic: a launch reads
  // the clinic for its transfer plan only.
  @ElementCollection(fetch = FetchType.LAZY)
  @CollectionTable(name = "clinic_hours", joinColumns = @JoinColumn(name = "clinic_id"))
  private Set<OpeningHours> hours = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "clinic_transfer_line", joinColumns = @JoinColumn(name = "clinic_id"))
  private Set<TransferLine> transferPlan = new HashSet<>();

  /** The parsed {@link #timeZone}: flags ask for it once per event of a week. */
  @Transient private ZoneId zone;

  protected Clinic() {}

  private Clinic(UUID id, String name, Instant createdAt) {
    this.id = id;
    this.name = name;
    this.createdAt = createdAt;
    this.timeZone = "UTC";
  }

  /**
   * A new clinic, open Monday to Saturday 07:00-19:00 in UTC until its administrator says otherwise
   * (the defaults the flags used before clinics had their own hours).
   */
  public static Clinic open(String name, Clock clock) {
    Clinic clinic = new Clinic(UUID.randomUUID(), requireName(name), clock.instant());
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day != DayOfWeek.SUNDAY) {
        clinic.hours.add(new OpeningHours(day, LocalTime.of(7, 0), LocalTime.of(19, 0)));
      }
    }
    return clinic;
  }

  public void rename(String newName) {
    this.name = requireName(newName);
  }

  /** Where the clinic is, as a transfer or a courier needs it; blank removes it. */
  public void locate(String newAddress) {
    this.address = newAddress == null || newAddress.isBlank() ? null : newAddress.strip();
  }

  /**
   * The emergency department a patient goes to: its name and a phone number the phone shows
   * tap-to-call. A name without a phone is refused: in an emergency the number is the point.
   */
  public void sendTransfersTo(String name, String phone) {
    boolean noName = name == null || name.isBlank();
    boolean noPhone = phone == null || phone.isBlank();
    if (noName != noPhone) {
      throw InvalidInput.of(
          noName ? "nearestEd.name" : "nearestEd.phone", "is required with the other");
    }
    this.nearestEdName = noName ? null : name.strip();
    this.nearestEdPhone = noPhone ? null : phone.strip();
  }

  public String address() {
    return address;
  }

  public String nearestEdName() {
    return nearestEdName;
  }

  public String nearestEdPhone() {
    return nearestEdPhone;
  }

  /** Lines a transfer plan may hold: it is read on a phone in an emergency. */
  public static final int MAX_TRANSFER_LINES = 10;

  /**
   * Replaces the transfer plan with these lines, in this order (texts with an optional phone each);
   * an empty list removes it.
   */
  public void replaceTransferPlan(List<TransferLine> lines) {
    if (lines.size() > MAX_TRANSFER_LINES) {
      throw InvalidInput.of("transferPlan", "must hold at most " + MAX_TRANSFER_LINES + " lines");
    }
    transferPlan.clear();
    for (int i = 0; i < lines.size(); i++) {
      TransferLine line = lines.get(i);
      transferPlan.add(new TransferLine(i, line.text(), line.phone()));
    }
  }

  /** The transfer plan's lines in order; empty when the clinic has none. */
  public List<TransferLine> transferPlan() {
    return transferPlan.stream().sorted(Comparator.comparingInt(TransferLine::position)).toList();
  }

  /**
   * The plan as the phone shows it during an emergency, one line each: the clinic's lines, or
   * {@code otherwise} (the escalation policy's text, where older clinics wrote their plan) when it
   * has none, and the nearest emergency department last.
   */
  public String transferPlanText(String otherwise) {
    List<String> lines = new ArrayList<>();
    if (transferPlan.isEmpty()) {
      if (otherwise != null && !otherwise.isBlank()) {
        lines.add(otherwise.strip());
      }
    } else {
      transferPlan().forEach(line -> lines.add(line.asText()));
    }
    if (nearestEdName != null) {
      lines.add("Nearest emergency department, " + nearestEdName + ": " + nearestEdPhone);
    }
    return String.join("\n", lines);
  }

  /** Moves the clinic's wall clock to the zone named (an IANA name such as Europe/Berlin). */
  public void moveTo(ZoneId zone) {
    this.timeZone = Objects.requireNonNull(zone, "zone").getId();
  }

  /** Replaces the week's hours; none at all means the clinic is never open (every access flags). */
  public void replaceHours(Collection<OpeningHours> spans) {
    if (spans.size() > MAX_SPANS) {
      throw InvalidInput.of("hours", "must hold at most " + MAX_SPANS + " spans");
    }
    List<OpeningHours> checked = new ArrayList<>();
    for (OpeningHours span : spans) {
      for (OpeningHours earlier : checked) {
        if (span.overlaps(earlier)) {
          throw InvalidInput.of("hours", earlier + " and " + span + " overlap");
        }
      }
      checked.add(span);
    }
    hours.clear();
    hours.addAll(checked);
  }

  /** The IANA zone of that name, or a 400 naming the field. */
  public static ZoneId zoneNamed(String name, String field) {
    if (name == null || !ZoneId.getAvailableZoneIds().contains(name)) {
      throw InvalidInput.of(field, "must be a time zone name such as America/Los_Angeles");
    }
    return ZoneId.of(name);
  }

  /** Whether the clinic is open at that instant, by its own clock. */
  public boolean isOpenAt(Instant at) {
    var local = at.atZone(zone()).toLocalDateTime();
    return hours.stream().anyMatch(span -> span.contains(local));
  }

  /** The clinic's calendar day at that instant. */
  public LocalDate dayAt(Instant at) {
    return at.atZone(zone()).toLocalDate();
  }

  private static String requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a clinic needs a name");
    }
    return name.strip();
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public ZoneId zone() {
    ZoneId known = zone;
    if (known == null || !known.getId().equals(timeZone)) {
      known = ZoneId.of(timeZone);
      zone = known;
    }
    return known;
  }

  /** The hours in week order. */
  public List<OpeningHours> hours() {
    return hours.stream().sorted(OpeningHours.IN_WEEK_ORDER).toList();
  }

  /** "Mon 07:00-19:00, Tue 07:00-19:00 (Europe/Berlin)": for a flag's explanation. */
  public String hoursSummary() {
    String week = hours().stream().map(OpeningHours::toString).collect(Collectors.joining(", "));
    return (week.isEmpty() ? "no opening hours" : week) + " (" + timeZone + ")";
  }
}
