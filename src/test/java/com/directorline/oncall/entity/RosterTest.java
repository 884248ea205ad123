package com.directorline.oncall.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.InvalidInput;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Roster arithmetic on a fixed clock: handoffs, daylight saving, overrides. */
class RosterTest {

  private static final ZoneId LA = ZoneId.of("America/Los_Angeles");
  private static final UUID ANA = UUID.randomUUID();
  private static final UUID BEN = UUID.randomUUID();
  private static final UUID CARA = UUID.randomUUID();
  private static final UUID ADMIN = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");

  private static Instant la(String local) {
    return ZonedDateTime.of(LocalDateTime.parse(local), LA).toInstant();
  }

  /** Daily handoff at 08:00 in Los Angeles from Thursday 5 March 2026: Ana, Ben, Cara. */
  private static Rotation daily() {
    Rotation rotation = new Rotation(UUID.randomUUID());
    rotation.define(
        LA,
        LocalTime.of(8, 0),
        1,
        LocalDate.of(2026, 3, 5),
        List.of(ANA, BEN, CARA),
        List.of(BEN, CARA, ANA),
        NOW);
    return rotation;
  }

  @Test
  void theShiftChangesAtTheHandoffOnTheLocalClockRoundAndRound() {
    Rotation rotation = daily();
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-03-05T07:59:59"))).isEmpty();
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-03-05T08:00:00"))).contains(ANA);
    assertThat(rotation.onCall(Line.BACKUP, la("2026-03-05T08:00:00"))).contains(BEN);
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-03-06T07:59:59"))).contains(ANA);
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-03-06T08:00:00"))).contains(BEN);
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-03-07T23:00:00"))).contains(CARA);
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-03-08T08:00:00"))).contains(ANA);
    assertThat(rotation.onCall(Line.PRIMARY, la("2026-04-05T09:00:00")))
        .as("31 shifts later: 31 % 3 = 1")
        .contains(BEN);
  }

  @Test
  void daylightSavingMovesTheHandoffWithTheLocalClockNotWithUtc() {
    Rotation rotation = daily();
    // Sunday 8 March 2026, 02:00 PST -> 03:00 PDT. The handoff stays at 08:00 local time:
    // 16:00 UTC before the change, 15:00 UTC after it; the shift across it lasts 23 hours.
    assertThat(rotation.shiftStart(2)).isEqualTo(Instant.parse("2026-03-07T16:00:00Z"));
    assertThat(rotation.shiftStart(3)).isEqualTo(Instant.parse("2026-03-08T15:00:00Z"));
    assertThat(Duration.between(rotation.shiftStart(2), rotation.shiftStart(3)))
        .isEqualTo(Duration.ofHours(23));
    assertThat(rotation.onCall(Line.PRIMARY, Instant.parse("2026-03-08T15:30:00Z")))
        .as("08:30 PDT is the new shift, though 24 hours after the last handoff is 16:00 UTC")
        .contains(ANA);
    // 1 November 2026, 02:00 PDT -> 01:00 PST: that shift lasts 25 hours.
    long before = rotation.shiftAt(la("2026-10-31T12:00:00"));
    assertThat(Duration.between(rotation.shiftStart(before), rotation.shiftStart(before + 1)))
        .isEqualTo(Duration.ofHours(25));
  }

  @Test
  void aHandoffInsideTheSpringForwardGapHappensAtTheFirstValidMoment() {
    Rotation rotation = new Rotation(UUID.randomUUID());
    rotation.define(
        LA, LocalTime.of(2, 30), 7, LocalDate.of(2026, 3, 1), List.of(ANA, BEN), List.of(), NOW);
    // 8 March 02:30 does not exist in Los Angeles: the handoff is at 03:30 PDT (10:30 UTC).
    assertThat(rotation.shiftStart(1)).isEqualTo(Instant.parse("2026-03-08T10:30:00Z"));
    assertThat(rotation.onCall(Line.PRIMARY, Instant.parse("2026-03-08T10:29:59Z"))).contains(ANA);
    assertThat(rotation.onCall(Line.PRIMARY, Instant.parse("2026-03-08T10:30:00Z"))).contains(BEN);
    assertThat(rotation.onCall(Line.BACKUP, Instant.parse("2026-03-08T10:30:00Z"))).isEmpty();
  }

  @Test
  void theNewestOverrideWinsAndTheRotationResumesAfterIt() {
    Rotation rotation = daily();
    // Ana's holiday across two handoffs: Cara covers primary from 6 March 12:00 to 7 March 12:00.
    RosterOverride holiday =
        new RosterOverride(
            rotation.clinicId(),
            Line.PRIMARY,
            CARA,
            la("2026-03-06T12:00:00"),
            la("2026-03-07T12:00:00"),
            "holiday",
            ADMIN,
            NOW);
    // Later that day Ben swaps in for two hours of it.
    RosterOverride swap =
        new RosterOverride(
            rotation.clinicId(),
            Line.PRIMARY,
            BEN,
            la("2026-03-06T20:00:00"),
            la("2026-03-06T22:00:00"),
            "swap",
            ADMIN,
            NOW.plusSeconds(60));
    Roster roster = new Roster(rotation, List.of(holiday, swap));
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-06T11:59:00"))).contains(BEN);
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-06T12:00:00"))).contains(CARA);
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-06T21:00:00"))).contains(BEN);
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-07T09:00:00")))
        .as("the override runs over the handoff at 08:00")
        .contains(CARA);
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-07T12:00:00"))).contains(CARA);
    assertThat(roster.onCall(Line.BACKUP, la("2026-03-06T21:00:00")))
        .as("an override of one line leaves the other")
        .contains(CARA);

    List<Roster.Shift> shifts =
        roster.shifts(la("2026-03-06T00:00:00"), la("2026-03-08T00:00:00")).stream()
            .filter(s -> s.line() == Line.PRIMARY)
            .toList();
    assertThat(shifts)
        .extracting(s -> name(s.userId()) + " " + s.from() + " " + (s.overrideId() != null))
        .containsExactly(
            "ana " + la("2026-03-06T00:00:00") + " false",
            "ben " + la("2026-03-06T08:00:00") + " false",
            "cara " + la("2026-03-06T12:00:00") + " true",
            "ben " + la("2026-03-06T20:00:00") + " true",
            "cara " + la("2026-03-06T22:00:00") + " true",
            "cara " + la("2026-03-07T12:00:00") + " false");
    assertThat(shifts.get(5).to()).isEqualTo(la("2026-03-08T00:00:00"));
    assertThat(shifts.get(4).to())
        .as("the override is one shift across the handoff")
        .isEqualTo(la("2026-03-07T12:00:00"));
  }

  @Test
  void withoutARotationOnlyOverridesPutAnyoneOnCallAndTheRestIsAGap() {
    RosterOverride cover =
        new RosterOverride(
            UUID.randomUUID(),
            Line.PRIMARY,
            ANA,
            la("2026-03-06T12:00:00"),
            la("2026-03-06T14:00:00"),
            null,
            ADMIN,
            NOW);
    Roster roster = new Roster(null, List.of(cover));
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-06T13:00:00"))).contains(ANA);
    assertThat(roster.onCall(Line.PRIMARY, la("2026-03-06T15:00:00"))).isEmpty();
    assertThat(roster.shifts(la("2026-03-06T10:00:00"), la("2026-03-06T16:00:00")))
        .filteredOn(s -> s.line() == Line.PRIMARY)
        .extracting(s -> name(s.userId()))
        .containsExactly("nobody", "ana", "nobody");
  }

  @Test
  void aRotationIsRefusedWithItsFieldNamed() {
    Rotation rotation = new Rotation(UUID.randomUUID());
    assertThatThrownBy(
            () ->
                rotation.define(
                    LA, LocalTime.NOON, 0, LocalDate.of(2026, 3, 1), List.of(ANA), List.of(), NOW))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("invalid");
    assertThatThrownBy(
            () ->
                rotation.define(
                    LA, LocalTime.NOON, 1, LocalDate.of(2026, 3, 1), List.of(), List.of(), NOW))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> assertThat(e.problem().violations().get(0).field()).isEqualTo("primary"));
    assertThatThrownBy(
            () ->
                rotation.define(
                    LA,
                    LocalTime.NOON,
                    1,
                    LocalDate.of(2026, 3, 1),
                    List.of(ANA, ANA),
                    List.of(),
                    NOW))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.problem().violations().get(0).message())
                    .isEqualTo("names someone twice"));
    assertThatThrownBy(
            () ->
                new RosterOverride(
                    UUID.randomUUID(),
                    Line.PRIMARY,
                    ANA,
                    NOW,
                    NOW.plus(Duration.ofDays(91)),
                    null,
                    ADMIN,
                    NOW))
        .isInstanceOf(InvalidInput.class);
  }

  private static String name(UUID id) {
    if (id == null) {
      return "nobody";
    }
    return id.equals(ANA) ? "ana" : id.equals(BEN) ? "ben" : id.equals(CARA) ? "cara" : "?";
  }
}
