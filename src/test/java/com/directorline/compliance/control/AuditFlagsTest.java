package com.directorline.compliance.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.entity.FlagKind;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.OpeningHours;
import com.directorline.problems.entity.ServiceUnavailable;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** Which events become which flags, and how they are grouped, from the events alone. */
class AuditFlagsTest {

  private static final UUID DANA = UUID.randomUUID();
  private static final UUID SAM = UUID.randomUUID();
  // Monday 23 November 2026
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");

  /** 20:00 UTC is noon in Los Angeles: open. */
  private static final Instant OPEN = MONDAY_NOON.plusSeconds(8 * 3600);

  private final Clinic clinic = losAngeles();
  private final List<AuditSearch.Candidate> events = new ArrayList<>();
  private final Map<UUID, EmergencyRecords.Window> windows = new HashMap<>();
  private long ids;

  /** Open Monday to Friday, 07:00-19:00 in Los Angeles. */
  private static Clinic losAngeles() {
    Clinic clinic = Clinic.open("Glow", Clock.systemUTC());
    clinic.moveTo(ZoneId.of("America/Los_Angeles"));
    List<OpeningHours> week = new ArrayList<>();
    for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
      week.add(new OpeningHours(day, LocalTime.of(7, 0), LocalTime.of(19, 0)));
    }
    clinic.replaceHours(week);
    return clinic;
  }

  private AuditFlags flags() {
    AuditFlags flags = new AuditFlags();
    flags.emergencies =
        new EmergencyRecords() {
          @Override
          public Map<UUID, Window> openBetween(Set<UUID> clinics, Instant from, Instant to) {
            assertThat(clinics).containsExactly(clinic.id());
            Map<UUID, Window> found = new HashMap<>();
            windows.forEach(
                (id, w) -> {
                  if (w.launchedAt().isBefore(to)
                      && (w.closedAt() == null || !w.closedAt().isBefore(from))) {
                    found.put(id, w);
                  }
                });
            return found;
          }

          @Override
          public List<Listed> launched(Set<UUID> clinics, Instant from, Instant to, int limit) {
            return List.of();
          }
        };
    flags.bulkPatients = 3;
    flags.bulkMinutes = 10;
    flags.participantGraceHours = 24;
    return flags;
  }

  private AuditSearch.Candidate event(
      UUID user,
      AuditAction action,
      ObjectType object,
      String patient,
      UUID emergency,
      Boolean tookPart,
      Instant at) {
    AuditSearch.Candidate e =
        new AuditSearch.Candidate(
            ++ids,
            at,
            user,
            user == DANA ? "dana" : "sam",
            clinic.id(),
            action,
            AuditOutcome.SUCCESS,
            Purpose.TREATMENT,
            object,
            patient,
            emergency,
            tookPart,
            null);
    events.add(e);
    return e;
  }

  private void read(UUID user, String patient, Instant at, Boolean tookPart) {
    event(user, AuditAction.READ, ObjectType.EMERGENCY, patient, UUID.randomUUID(), tookPart, at);
  }

  private List<AuditFlags.Flag> found() {
    return flags()
        .flags(
            events,
            Map.of(clinic.id(), clinic),
            EnumSet.allOf(FlagKind.class),
            new AuditQuery(null, null, null, null, null, null, null, null));
  }

  private List<FlagKind> kinds() {
    return found().stream().map(AuditFlags.Flag::kind).toList();
  }

  @Test
  void aReadInOpeningHoursIsNotFlagged() {
    read(DANA, "MRN-1", OPEN, true);
    assertThat(kinds()).isEmpty();
  }

  @Test
  void readingOutsideTheClinicsHoursInItsTimeZoneIsAfterHours() {
    // 12:00 UTC is 04:00 in Los Angeles: closed, though it is noon in UTC.
    read(DANA, "MRN-1", MONDAY_NOON, null);
    assertThat(found())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.kind()).isEqualTo(FlagKind.AFTER_HOURS);
              assertThat(f.detail())
                  .isEqualTo(
                      "outside Mon 07:00-19:00, Tue 07:00-19:00, Wed 07:00-19:00,"
                          + " Thu 07:00-19:00, Fri 07:00-19:00 (America/Los_Angeles)");
            });
  }

  @Test
  void aReadOnAClosedDayIsAfterHours() {
    read(DANA, "MRN-1", Instant.parse("2026-11-28T20:00:00Z"), null); // Saturday noon in LA
    assertThat(kinds()).containsExactly(FlagKind.AFTER_HOURS);
  }

  @Test
  void theHoursFollowDaylightSavingTimeNotUtcArithmetic() {
    // 07:30 in Los Angeles is 15:30 UTC in winter (PST) and 14:30 UTC in summer (PDT).
    read(DANA, "MRN-1", Instant.parse("2026-11-23T15:30:00Z"), null); // Monday 07:30 PST
    read(DANA, "MRN-1", Instant.parse("2026-06-01T14:30:00Z"), null); // Monday 07:30 PDT
    read(DANA, "MRN-1", Instant.parse("2026-06-01T13:30:00Z"), null); // Monday 06:30 PDT
    assertThat(found())
        .singleElement()
        .satisfies(f -> assertThat(f.event().at()).isEqualTo("2026-06-01T13:30:00Z"));
  }

  @Test
  void theEmergencysPeopleAreNotAfterHoursWhileItIsOpenOrWithinTheGraceAfter() {
    UUID emergency = UUID.randomUUID();
    Instant night = Instant.parse("2026-11-24T05:00:00Z"); // Monday 21:00 in LA
    windows.put(emergency, new EmergencyRecords.Window(night, night.plus(Duration.ofHours(1))));
    event(DANA, AuditAction.CREATE, ObjectType.EMERGENCY, "MRN-1", emergency, true, night);
    event(DANA, AuditAction.READ, ObjectType.EMERGENCY, "MRN-1", emergency, true, night);
    // The consent she records for that patient during the call names no emergency: still covered.
    event(DANA, AuditAction.CREATE, ObjectType.CONSENT, "MRN-1", null, null, night);
    // Documenting it the next night (within the 24 hours) is covered too.
    event(
        DANA,
        AuditAction.UPDATE,
        ObjectType.EMERGENCY,
        "MRN-1",
        emergency,
        true,
        night.plus(Duration.ofHours(23)));
    assertThat(kinds()).isEmpty();

    // Beyond the grace, and another patient the same night, are after hours again.
    event(
        DANA,
        AuditAction.READ,
        ObjectType.EMERGENCY,
        "MRN-1",
        emergency,
        true,
        night.plus(Duration.ofHours(26)));
    event(DANA, AuditAction.READ, ObjectType.CONSENT, "MRN-2", null, null, night);
    // Someone who took no part is after hours (and a non-participant) even while it is open.
    event(SAM, AuditAction.READ, ObjectType.EMERGENCY, "MRN-1", emergency, false, night);
    assertThat(found())
        .extracting(f -> f.event().userId() + " " + f.event().patientRef() + " " + f.kind())
        .containsExactlyInAnyOrder(
            DANA + " MRN-2 AFTER_HOURS",
            SAM + " MRN-1 NON_PARTICIPANT",
            SAM + " MRN-1 AFTER_HOURS",
            DANA + " MRN-1 AFTER_HOURS");
  }

  @Test
  void anEmergencyStillOpenCoversItsPeople() {
    UUID emergency = UUID.randomUUID();
    Instant night = Instant.parse("2026-11-24T05:00:00Z");
    windows.put(emergency, new EmergencyRecords.Window(night, null));
    event(
        DANA,
        AuditAction.READ,
        ObjectType.EMERGENCY,
        "MRN-1",
        emergency,
        true,
        night.plus(Duration.ofHours(40)));
    assertThat(kinds()).isEmpty();
  }

  @Test
  void theOfficersReviewOfTheTrailIsNeitherAfterHoursNorBulk() {
    Instant night = Instant.parse("2026-11-24T05:00:00Z");
    for (int i = 0; i < 6; i++) {
      event(
          SAM,
          AuditAction.READ,
          ObjectType.AUDIT_TRAIL,
          "MRN-" + i,
          null,
          null,
          night.plusSeconds(i));
    }
    assertThat(kinds()).isEmpty();
  }

  @Test
  void someoneWhoTookNoPartIsFlagged() {
    read(SAM, "MRN-1", OPEN, false);
    assertThat(kinds()).containsExactly(FlagKind.NON_PARTICIPANT);
  }

  @Test
  void moreDistinctPatientsThanTheLimitWithinTheWindowIsOneBulkReadPerBurst() {
    for (int i = 0; i < 6; i++) {
      read(DANA, "MRN-" + i, OPEN.plusSeconds(i * 60L), true);
    }
    read(DANA, "MRN-0", OPEN.plusSeconds(7 * 60L), true); // the same patients again: no new flag
    read(SAM, "MRN-9", OPEN.plusSeconds(8 * 60L), true);
    assertThat(kinds()).containsExactly(FlagKind.BULK_READ);
  }

  @Test
  void theSamePatientReadOftenIsNoBulkRead() {
    for (int i = 0; i < 10; i++) {
      read(DANA, "MRN-1", OPEN.plusSeconds(i), true);
    }
    assertThat(kinds()).isEmpty();
  }

  @Test
  void readsSpreadBeyondTheWindowAreNoBulkRead() {
    for (int i = 0; i < 6; i++) {
      read(DANA, "MRN-" + i, OPEN.plusSeconds(i * 6 * 60L), true);
    }
    assertThat(kinds()).isEmpty();
  }

  @Test
  void breakGlassAndRefusalsAreFlagged() {
    events.add(
        new AuditSearch.Candidate(
            ++ids,
            OPEN,
            SAM,
            "sam",
            clinic.id(),
            AuditAction.READ,
            AuditOutcome.SUCCESS,
            Purpose.BREAK_GLASS,
            ObjectType.PHOTO,
            "MRN-1",
            UUID.randomUUID(),
            false,
            null));
    events.add(
        new AuditSearch.Candidate(
            ++ids,
            OPEN,
            SAM,
            "sam",
            null,
            AuditAction.LOGIN,
            AuditOutcome.DENIED,
            null,
            ObjectType.USER,
            null,
            null,
            null,
            "wrong username or password"));
    assertThat(kinds())
        .containsExactly(FlagKind.BREAK_GLASS, FlagKind.NON_PARTICIPANT, FlagKind.DENIED);
  }

  @Test
  void flagsAreGroupedPerKindPersonClinicDayAndEmergencyNewestFirst() {
    UUID first = UUID.randomUUID();
    UUID second = UUID.randomUUID();
    // Sunday 29 November in LA: closed all day. 07:00 UTC Monday is still Sunday 23:00 there.
    Instant sunday = Instant.parse("2026-11-29T18:00:00Z");
    for (int i = 0; i < 3; i++) {
      event(
          DANA,
          AuditAction.READ,
          ObjectType.EMERGENCY,
          "MRN-1",
          first,
          null,
          sunday.plusSeconds(i));
    }
    event(
        DANA, AuditAction.READ, ObjectType.EMERGENCY, "MRN-2", second, null, sunday.plusSeconds(9));
    event(
        DANA,
        AuditAction.READ,
        ObjectType.EMERGENCY,
        "MRN-1",
        first,
        null,
        Instant.parse("2026-11-30T07:00:00Z"));
    event(SAM, AuditAction.READ, ObjectType.EMERGENCY, "MRN-1", first, null, sunday.plusSeconds(5));

    List<AuditFlags.Grouped> groups = AuditFlags.group(found(), Map.of(clinic.id(), clinic));
    assertThat(groups)
        .extracting(
            g ->
                g.username()
                    + " "
                    + g.day()
                    + " "
                    + (g.emergencyId() == first ? "first" : "second")
                    + " "
                    + g.flags().size())
        .containsExactly(
            "dana 2026-11-29 first 4", // its newest flag is Monday 07:00 UTC, Sunday in LA
            "dana 2026-11-29 second 1",
            "sam 2026-11-29 first 1");
    assertThat(groups.get(0).zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
    assertThat(groups.get(0).day()).isEqualTo(LocalDate.of(2026, 11, 29));
    assertThat(groups.get(0).clinicName()).isEqualTo("Glow");
    assertThat(groups.get(0).first()).isEqualTo(sunday);
    assertThat(groups.get(0).last()).isEqualTo("2026-11-30T07:00:00Z");
  }

  @Test
  void atMostOneComputationPerCoreRunsAndTheRestWaitThenHear503() throws Exception {
    int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    AuditFlags flags = flags();
    flags.waitSeconds = 1;
    flags.caller = new Caller();
    flags.clinics =
        new Clinics() {
          @Override
          public List<Clinic> byIds(Collection<UUID> ids) {
            return List.of();
          }
        };
    flags.search =
        new AuditSearch() {
          @Override
          public List<Candidate> flagCandidates(AuditQuery range, int limit) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
              release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return List.of();
          }
        };
    AuditQuery week =
        new AuditQuery(OPEN, OPEN.plusSeconds(7 * 86400), null, null, null, null, null, null);
    ExecutorService pool = Executors.newFixedThreadPool(cores + 1);
    try {
      List<Future<List<AuditFlags.Grouped>>> admitted = new ArrayList<>();
      for (int i = 0; i < cores; i++) {
        admitted.add(pool.submit(() -> flags.groups(week, EnumSet.allOf(FlagKind.class))));
      }
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> running.get() == cores);
      Future<List<AuditFlags.Grouped>> oneTooMany =
          pool.submit(() -> flags.groups(week, EnumSet.allOf(FlagKind.class)));
      assertThatThrownBy(oneTooMany::get)
          .hasCauseInstanceOf(ServiceUnavailable.class)
          .cause()
          .satisfies(
              e ->
                  assertThat(((ServiceUnavailable) e).headers()).containsEntry("Retry-After", "5"));
      release.countDown();
      for (Future<List<AuditFlags.Grouped>> f : admitted) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEmpty();
      }
      assertThat(most.get()).isEqualTo(cores);
      // The turns were given back: the next one runs at once.
      assertThat(flags.groups(week, EnumSet.allOf(FlagKind.class))).isEmpty();
    } finally {
      pool.shutdownNow();
    }
  }
}
