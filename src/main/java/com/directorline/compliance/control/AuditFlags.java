package com.directorline.compliance.control;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.entity.FlagKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the events a compliance officer should look at twice. Computed when asked, from the events
 * themselves, so a flag can never disagree with the trail.
 */
@ApplicationScoped
public class AuditFlags {

  /** Above this many candidate events the officer is asked for a shorter range. */
  public static final int MAX_EVENTS = 100_000;

  @Inject AuditSearch search;

  @Inject
  @ConfigProperty(name = "directorline.audit.clinic-hours", defaultValue = "07:00-19:00")
  String hours;

  @Inject
  @ConfigProperty(
      name = "directorline.audit.clinic-days",
      defaultValue = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY")
  String days;

  @Inject
  @ConfigProperty(name = "directorline.audit.clinic-zone", defaultValue = "UTC")
  String zone;

  @Inject
  @ConfigProperty(name = "directorline.audit.bulk-read-patients", defaultValue = "20")
  int bulkPatients;

  @Inject
  @ConfigProperty(name = "directorline.audit.bulk-read-minutes", defaultValue = "10")
  int bulkMinutes;

  /** One flagged event. */
  public record Flag(FlagKind kind, AuditSearch.Found found, String detail) {}

  /** The flags in the range, oldest first; null when the range holds too many events. */
  public List<Flag> flags(AuditQuery range, Set<FlagKind> kinds) {
    List<AuditSearch.Found> events = search.flagCandidates(range, MAX_EVENTS);
    if (events.size() > MAX_EVENTS) {
      return null;
    }
    Hours open = Hours.parse(hours, days, zone);
    Bulk bulk = new Bulk(bulkPatients, Duration.ofMinutes(bulkMinutes));
    List<Flag> flags = new ArrayList<>();
    for (AuditSearch.Found found : events) {
      AuditEvent e = found.event();
      boolean success = e.outcome() == AuditOutcome.SUCCESS;
      if (e.purpose() == Purpose.BREAK_GLASS) {
        flags.add(new Flag(FlagKind.BREAK_GLASS, found, "justification given: see the event"));
      }
      if (e.outcome() == AuditOutcome.DENIED) {
        flags.add(new Flag(FlagKind.DENIED, found, e.reason()));
      }
      if (success
          && e.objectType() == ObjectType.CONSENT_EXCEPTION
          && e.action() == AuditAction.CREATE) {
        flags.add(
            new Flag(
                FlagKind.CONSENT_EXCEPTION,
                found,
                "patient could not consent; the reason is on the emergency"));
      }
      if (success && Boolean.FALSE.equals(e.participant())) {
        flags.add(
            new Flag(
                FlagKind.NON_PARTICIPANT,
                found,
                "not the launching injector, an alerted or the accepting director"));
      }
      if (success && e.patientRef() != null && !open.contains(e.occurredAt())) {
        flags.add(new Flag(FlagKind.AFTER_HOURS, found, "outside " + open));
      }
      if (success
          && e.patientRef() != null
          && e.userId() != null
          && (e.action() == AuditAction.READ || e.action() == AuditAction.EXPORT)
          && bulk.crossed(e)) {
        flags.add(
            new Flag(
                FlagKind.BULK_READ,
                found,
                "more than " + bulkPatients + " patients within " + bulkMinutes + " minutes"));
      }
    }
    return flags.stream().filter(f -> kinds.contains(f.kind())).toList();
  }

  /** The clinic's opening hours, in its time zone. */
  record Hours(LocalTime opens, LocalTime closes, Set<DayOfWeek> days, ZoneId zone) {

    static Hours parse(String hours, String days, String zone) {
      String[] span = hours.strip().split("-");
      Set<DayOfWeek> open = EnumSet.noneOf(DayOfWeek.class);
      Arrays.stream(days.split(","))
          .map(String::strip)
          .filter(d -> !d.isEmpty())
          .map(DayOfWeek::valueOf)
          .forEach(open::add);
      return new Hours(
          LocalTime.parse(span[0].strip()),
          LocalTime.parse(span[1].strip()),
          open,
          ZoneId.of(zone));
    }

    boolean contains(Instant at) {
      ZonedDateTime local = at.atZone(zone);
      LocalTime time = local.toLocalTime();
      return days.contains(local.getDayOfWeek()) && !time.isBefore(opens) && time.isBefore(closes);
    }

    @Override
    public String toString() {
      return "clinic hours " + opens + "-" + closes + " " + zone;
    }
  }

  /**
   * Per user, the distinct patients read within the sliding window; flags the event that takes a
   * user above the limit, once per burst.
   */
  static final class Bulk {
    private final int limit;
    private final Duration window;
    private final Map<UUID, Deque<AuditEvent>> recent = new HashMap<>();
    private final Set<UUID> inBurst = new HashSet<>();

    Bulk(int limit, Duration window) {
      this.limit = limit;
      this.window = window;
    }

    boolean crossed(AuditEvent e) {
      Deque<AuditEvent> reads = recent.computeIfAbsent(e.userId(), u -> new ArrayDeque<>());
      reads.addLast(e);
      while (!reads.isEmpty()
          && reads.peekFirst().occurredAt().isBefore(e.occurredAt().minus(window))) {
        reads.removeFirst();
      }
      long patients = reads.stream().map(AuditEvent::patientRef).distinct().count();
      if (patients > limit) {
        return inBurst.add(e.userId());
      }
      inBurst.remove(e.userId());
      return false;
    }
  }
}
