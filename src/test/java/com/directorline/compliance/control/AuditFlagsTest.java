package com.directorline.compliance.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.entity.FlagKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which events become which flags, from the events alone. */
class AuditFlagsTest {

  private static final UUID DANA = UUID.randomUUID();
  private static final UUID SAM = UUID.randomUUID();
  // Monday 23 November 2026
  private static final Instant MONDAY_NOON = Instant.parse("2026-11-23T12:00:00Z");

  private final List<AuditSearch.Found> events = new ArrayList<>();

  private AuditFlags flags() {
    AuditFlags flags = new AuditFlags();
    flags.search =
        new AuditSearch() {
          @Override
          public List<AuditSearch.Found> flagCandidates(AuditQuery range, int limit) {
            return events;
          }
        };
    flags.hours = "07:00-19:00";
    flags.days = "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY";
    flags.zone = "America/Los_Angeles";
    flags.bulkPatients = 3;
    flags.bulkMinutes = 10;
    return flags;
  }

  private void read(UUID user, String patient, Instant at, Boolean tookPart) {
    events.add(
        new AuditSearch.Found(
            AuditEvent.of(AuditAction.READ, ObjectType.EMERGENCY, UUID.randomUUID())
                .by(user, "user", "DIRECTOR")
                .patient(patient)
                .emergency(UUID.randomUUID(), tookPart)
                .purpose(Purpose.TREATMENT)
                .at(at),
            null,
            null));
  }

  private List<FlagKind> kinds() {
    return flags()
        .flags(
            new AuditQuery(null, null, null, null, null, null, null, null),
            EnumSet.allOf(FlagKind.class))
        .stream()
        .map(AuditFlags.Flag::kind)
        .toList();
  }

  @Test
  void aParticipantsReadInOpeningHoursIsNotFlagged() {
    // 12:00 UTC is 04:00 in Los Angeles: closed. 20:00 UTC is 12:00 there.
    read(DANA, "MRN-1", MONDAY_NOON.plusSeconds(8 * 3600), true);
    assertThat(kinds()).isEmpty();
  }

  @Test
  void readingOutsideTheClinicsHoursInItsTimeZoneIsAfterHours() {
    read(DANA, "MRN-1", MONDAY_NOON, true);
    assertThat(kinds()).containsExactly(FlagKind.AFTER_HOURS);
  }

  @Test
  void aReadOnAClosedDayIsAfterHours() {
    read(DANA, "MRN-1", Instant.parse("2026-11-28T20:00:00Z"), true); // Saturday noon in LA
    assertThat(kinds()).containsExactly(FlagKind.AFTER_HOURS);
  }

  @Test
  void someoneWhoTookNoPartIsFlagged() {
    read(SAM, "MRN-1", MONDAY_NOON.plusSeconds(8 * 3600), false);
    assertThat(kinds()).containsExactly(FlagKind.NON_PARTICIPANT);
  }

  @Test
  void moreDistinctPatientsThanTheLimitWithinTheWindowIsOneBulkReadPerBurst() {
    Instant open = MONDAY_NOON.plusSeconds(8 * 3600);
    for (int i = 0; i < 6; i++) {
      read(DANA, "MRN-" + i, open.plusSeconds(i * 60L), true);
    }
    read(DANA, "MRN-0", open.plusSeconds(7 * 60L), true); // the same patients again: no new flag
    read(SAM, "MRN-9", open.plusSeconds(8 * 60L), true);
    assertThat(kinds()).containsExactly(FlagKind.BULK_READ);
  }

  @Test
  void theSamePatientReadOftenIsNoBulkRead() {
    Instant open = MONDAY_NOON.plusSeconds(8 * 3600);
    for (int i = 0; i < 10; i++) {
      read(DANA, "MRN-1", open.plusSeconds(i), true);
    }
    assertThat(kinds()).isEmpty();
  }

  @Test
  void readsSpreadBeyondTheWindowAreNoBulkRead() {
    Instant open = MONDAY_NOON.plusSeconds(8 * 3600);
    for (int i = 0; i < 6; i++) {
      read(DANA, "MRN-" + i, open.plusSeconds(i * 6 * 60L), true);
    }
    assertThat(kinds()).isEmpty();
  }

  @Test
  void breakGlassAndRefusalsAreFlagged() {
    Instant open = MONDAY_NOON.plusSeconds(8 * 3600);
    events.add(
        new AuditSearch.Found(
            AuditEvent.of(AuditAction.READ, ObjectType.PHOTO, UUID.randomUUID())
                .by(SAM, "sam", "COMPLIANCE_OFFICER")
                .patient("MRN-1")
                .breakGlass("complaint 2026-114 investigation")
                .at(open),
            null,
            null));
    events.add(
        new AuditSearch.Found(
            AuditEvent.of(AuditAction.LOGIN, ObjectType.USER, SAM)
                .by(SAM, "sam", null)
                .denied("wrong username or password")
                .at(open),
            null,
            null));
    assertThat(kinds()).containsExactly(FlagKind.BREAK_GLASS, FlagKind.DENIED);
  }
}
