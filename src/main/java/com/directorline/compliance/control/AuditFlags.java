package com.directorline.compliance.control;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.entity.FlagKind;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.entity.Clinic;
import com.directorline.problems.entity.ServiceUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds the events a compliance officer should look at twice. Computed when asked, from the events
 * themselves, so a flag can never disagree with the trail; grouped per kind, clinic, person, day
 * and emergency, because forty reads by the director of one emergency are one thing to review.
 *
 * <p>A flag has to mean something: "after hours" is outside the clinic's own hours in its own time
 * zone; the people working on an emergency are not after hours while it is open or within the grace
 * after it closes (documenting the call the next morning is their job); and the officer's own work
 * on the trail is not flagged as after hours or bulk reading (it is recorded all the same).
 */
@ApplicationScoped
public class AuditFlags {

  /** Above this many candidate events the officer is asked for a shorter range. */
  public static final int MAX_EVENTS = 100_000;

  @Inject AuditSearch search;
  @Inject Clinics clinics;
  @Inject Caller caller;
  @Inject EmergencyRecords emergencies;

  @Inject
  @ConfigProperty(name = "directorline.audit.bulk-read-patients", defaultValue = "20")
  int bulkPatients;

  @Inject
  @ConfigProperty(name = "directorline.audit.bulk-read-minutes", defaultValue = "10")
  int bulkMinutes;

  @Inject
  @ConfigProperty(name = "directorline.audit.participant-grace-hours", defaultValue = "24")
  int participantGraceHours;

  /** One flagged event. */
  public record Flag(FlagKind kind, AuditSearch.Candidate event, String detail) {}

  /** Flags of one kind, in one clinic, by one person, on one of the clinic's days, in one case. */
  public record Grouped(
      FlagKind kind,
      UUID clinicId,
      String clinicName,
      ZoneId zone,
      LocalDate day,
      UUID userId,
      String username,
      UUID emergencyId,
      List<Flag> flags) {

    public Instant first() {
      return flags.get(0).event().at();
    }

    public Instant last() {
      return flags.get(flags.size() - 1).event().at();
    }
  }

  /**
   * Flag computations at once, one per core: each holds up to {@link #MAX_EVENTS} candidates in
   * memory and keeps a core busy, so more at once would only share the cores and the heap worse
   * (docs/performance.md: four at once on two cores served fewer per second than two). The others
   * wait their turn, up to {@link #waitSeconds}, then get 503 with Retry-After.
   */
  private final Semaphore computing =
      new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

  /** How long a computation waits for its turn before 503. */
  int waitSeconds = 30;

  /** The flags in the range, grouped, newest group first; null when the range is too large. */
  public List<Grouped> groups(AuditQuery range, Set<FlagKind> kinds) {
    boolean admitted;
    try {
      admitted = computing.tryAcquire(waitSeconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw new ServiceUnavailable(
          "flags-busy",
          "Other reviews are computing flags right now; ask again in a few seconds.",
          5);
    }
    try {
      return computeGroups(range, kinds);
    } finally {
      computing.release();
    }
  }

  private List<Grouped> computeGroups(AuditQuery range, Set<FlagKind> kinds) {
    List<AuditSearch.Candidate> events = search.flagCandidates(range, MAX_EVENTS);
    if (events.size() > MAX_EVENTS) {
      return null;
    }
    Map<UUID, Clinic> byId =
        clinics.byIds(caller.clinicIds()).stream()
            .collect(Collectors.toMap(Clinic::id, Function.identity()));
    return group(flags(events, byId, kinds, range), byId);
  }

  List<Flag> flags(
      List<AuditSearch.Candidate> events,
      Map<UUID, Clinic> byId,
      Set<FlagKind> kinds,
      AuditQuery range) {
    Set<Long> afterHours = afterHours(events, byId, range);
    Map<UUID, String> outside = new HashMap<>();
    Bulk bulk = new Bulk(bulkPatients, Duration.ofMinutes(bulkMinutes));
    List<Flag> flags = new ArrayList<>();
    for (AuditSearch.Candidate e : events) {
      boolean success = e.outcome() == AuditOutcome.SUCCESS;
      boolean reviewingTheTrail =
          e.objectType() == ObjectType.AUDIT_TRAIL || e.objectType() == ObjectType.AUDIT_REVIEW;
      if (e.purpose() == Purpose.BREAK_GLASS) {
        flags.add(new Flag(FlagKind.BREAK_GLASS, e, "justification given: see the event"));
      }
      if (e.outcome() == AuditOutcome.DENIED) {
        flags.add(new Flag(FlagKind.DENIED, e, e.reason()));
      }
      if (success
          && e.objectType() == ObjectType.CONSENT_EXCEPTION
          && e.action() == AuditAction.CREATE) {
        flags.add(
            new Flag(
                FlagKind.CONSENT_EXCEPTION,
                e,
                "patient could not consent; the reason is on the emergency"));
      }
      if (success && e.objectType() == ObjectType.OVERDUE_FOLLOW_UP) {
        flags.add(
            new Flag(
                FlagKind.FOLLOW_UP_OVERDUE,
                e,
                "a follow-up after the emergency was not done in time; see the clinic's list"));
      }
      if (success && Boolean.FALSE.equals(e.participant())) {
        flags.add(
            new Flag(
                FlagKind.NON_PARTICIPANT,
                e,
                "not the launching injector, an alerted or the accepting director"));
      }
      if (afterHours.contains(e.id())) {
        flags.add(
            new Flag(
                FlagKind.AFTER_HOURS,
                e,
                outside.computeIfAbsent(
                    e.clinicId(), c -> "outside " + byId.get(c).hoursSummary())));
      }
      if (success
          && e.patientRef() != null
          && e.userId() != null
          && !reviewingTheTrail
          && (e.action() == AuditAction.READ || e.action() == AuditAction.EXPORT)
          && bulk.crossed(e)) {
        flags.add(
            new Flag(
                FlagKind.BULK_READ,
                e,
                "more than " + bulkPatients + " patients within " + bulkMinutes + " minutes"));
      }
    }
    return flags.stream().filter(f -> kinds.contains(f.kind())).toList();
  }

  /** Groups in order of their newest flag, newest first; flags within a group oldest first. */
  static List<Grouped> group(List<Flag> flags, Map<UUID, Clinic> byId) {
    record Key(FlagKind kind, UUID clinic, LocalDate day, UUID user, String name, UUID emergency) {}
    Map<Key, List<Flag>> grouped = new LinkedHashMap<>();
    for (Flag flag : flags) {
      AuditSearch.Candidate e = flag.event();
      Clinic clinic = e.clinicId() == null ? null : byId.get(e.clinicId());
      ZoneId zone = clinic == null ? ZoneId.of("UTC") : clinic.zone();
      Key key =
          new Key(
              flag.kind(),
              e.clinicId(),
              e.at().atZone(zone).toLocalDate(),
              e.userId(),
              e.userId() == null ? e.username() : null,
              e.emergencyId());
      grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(flag);
    }
    return grouped.entrySet().stream()
        .map(
            entry -> {
              Key k = entry.getKey();
              Clinic clinic = k.clinic() == null ? null : byId.get(k.clinic());
              List<Flag> in = entry.getValue();
              return new Grouped(
                  k.kind(),
                  k.clinic(),
                  clinic == null ? null : clinic.name(),
                  clinic == null ? ZoneId.of("UTC") : clinic.zone(),
                  k.day(),
                  k.user(),
                  in.get(in.size() - 1).event().username(),
                  k.emergency(),
                  in);
            })
        .sorted(Comparator.comparing(Grouped::last).reversed())
        .toList();
  }

  /**
   * The accesses outside their clinic's hours that are not the emergency's own people at work: who
   * worked on which patient's emergency comes from the events they recorded as participants, and
   * the emergencies' open times are looked up only for the accesses that need them.
   */
  private Set<Long> afterHours(
      List<AuditSearch.Candidate> events, Map<UUID, Clinic> byId, AuditQuery range) {
    Map<Working, Set<UUID>> cases = new HashMap<>();
    List<AuditSearch.Candidate> closed = new ArrayList<>();
    for (AuditSearch.Candidate e : events) {
      if (Boolean.TRUE.equals(e.participant())
          && e.emergencyId() != null
          && e.userId() != null
          && e.patientRef() != null) {
        cases
            .computeIfAbsent(new Working(e.userId(), e.patientRef()), w -> new HashSet<>())
            .add(e.emergencyId());
      }
      Clinic clinic = e.clinicId() == null ? null : byId.get(e.clinicId());
      // An access is a person's (the system sending an alert at night is not after hours), and
      // the officer's review of the trail is their job at any hour.
      if (e.outcome() == AuditOutcome.SUCCESS
          && e.patientRef() != null
          && e.userId() != null
          && clinic != null
          && e.objectType() != ObjectType.AUDIT_TRAIL
          && e.objectType() != ObjectType.AUDIT_REVIEW
          && !clinic.isOpenAt(e.at())) {
        closed.add(e);
      }
    }
    Duration grace = Duration.ofHours(participantGraceHours);
    Map<UUID, EmergencyRecords.Window> windows =
        closed.isEmpty()
            ? Map.of()
            : emergencies.openBetween(
                byId.keySet(),
                (range.from() == null ? closed.get(0).at() : range.from()).minus(grace),
                range.to() == null ? closed.get(closed.size() - 1).at().plusNanos(1) : range.to());
    Participation working = new Participation(cases, windows, grace);
    Set<Long> flagged = new HashSet<>();
    for (AuditSearch.Candidate e : closed) {
      if (!working.covers(e)) {
        flagged.add(e.id());
      }
    }
    return flagged;
  }

  private record Working(UUID user, String patient) {}

  private record Participation(
      Map<Working, Set<UUID>> cases, Map<UUID, EmergencyRecords.Window> windows, Duration grace) {

    boolean covers(AuditSearch.Candidate e) {
      if (e.userId() == null) {
        return false;
      }
      return cases.getOrDefault(new Working(e.userId(), e.patientRef()), Set.of()).stream()
          .map(windows::get)
          .filter(Objects::nonNull)
          .anyMatch(window -> window.covers(e.at(), grace));
    }
  }

  /**
   * Per user, the distinct patients read within the sliding window; flags the event that takes a
   * user above the limit, once per burst.
   */
  static final class Bulk {
    private final int limit;
    private final Duration window;
    private final Map<UUID, Deque<AuditSearch.Candidate>> recent = new HashMap<>();
    private final Set<UUID> inBurst = new HashSet<>();

    Bulk(int limit, Duration window) {
      this.limit = limit;
      this.window = window;
    }

    boolean crossed(AuditSearch.Candidate e) {
      Deque<AuditSearch.Candidate> reads =
          recent.computeIfAbsent(e.userId(), u -> new ArrayDeque<>());
      reads.addLast(e);
      while (!reads.isEmpty() && reads.peekFirst().at().isBefore(e.at().minus(window))) {
        reads.removeFirst();
      }
      long patients = reads.stream().map(AuditSearch.Candidate::patientRef).distinct().count();
      if (patients > limit) {
        return inBurst.add(e.userId());
      }
      inBurst.remove(e.userId());
      return false;
    }
  }
}
