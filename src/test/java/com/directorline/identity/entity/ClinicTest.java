package com.directorline.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.InvalidInput;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A clinic's own clock: its zone and its hours. */
class ClinicTest {

  private static OpeningHours span(DayOfWeek day, int opens, int closes) {
    return new OpeningHours(day, LocalTime.of(opens, 0), LocalTime.of(closes, 0));
  }

  @Test
  void aNewClinicIsOpenMondayToSaturdaySevenToSevenInUtc() {
    Clinic clinic = Clinic.open("Glow", Clock.systemUTC());
    assertThat(clinic.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(clinic.hours()).hasSize(6).allMatch(h -> h.day() != DayOfWeek.SUNDAY);
    assertThat(clinic.isOpenAt(Instant.parse("2026-11-23T07:00:00Z"))).isTrue(); // Monday
    assertThat(clinic.isOpenAt(Instant.parse("2026-11-23T19:00:00Z"))).isFalse(); // closing time
    assertThat(clinic.isOpenAt(Instant.parse("2026-11-29T12:00:00Z"))).isFalse(); // Sunday
  }

  @Test
  void hoursAreTheClinicsWallClockAcrossDaylightSaving() {
    Clinic clinic = Clinic.open("Glow", Clock.systemUTC());
    clinic.moveTo(ZoneId.of("Europe/Berlin"));
    clinic.replaceHours(List.of(span(DayOfWeek.SUNDAY, 1, 4)));
    // 29 March 2026: clocks in Berlin jump from 02:00 to 03:00.
    assertThat(clinic.isOpenAt(Instant.parse("2026-03-29T00:30:00Z"))).isTrue(); // 01:30 CET
    assertThat(clinic.isOpenAt(Instant.parse("2026-03-29T01:30:00Z"))).isTrue(); // 03:30 CEST
    assertThat(clinic.isOpenAt(Instant.parse("2026-03-29T02:30:00Z"))).isFalse(); // 04:30 CEST
    assertThat(clinic.dayAt(Instant.parse("2026-03-28T23:30:00Z")))
        .isEqualTo(LocalDate.of(2026, 3, 29));
  }

  @Test
  void aDayMayHaveALunchBreakButNoOverlap() {
    Clinic clinic = Clinic.open("Glow", Clock.systemUTC());
    clinic.replaceHours(List.of(span(DayOfWeek.MONDAY, 9, 12), span(DayOfWeek.MONDAY, 13, 18)));
    assertThat(clinic.isOpenAt(Instant.parse("2026-11-23T12:30:00Z"))).isFalse();
    assertThat(clinic.hoursSummary()).isEqualTo("Mon 09:00-12:00, Mon 13:00-18:00 (UTC)");
    assertThatThrownBy(
            () ->
                clinic.replaceHours(
                    List.of(span(DayOfWeek.MONDAY, 9, 12), span(DayOfWeek.MONDAY, 11, 18))))
        .isInstanceOf(InvalidInput.class)
        .satisfies(
            e ->
                assertThat(((InvalidInput) e).problem().violations())
                    .singleElement()
                    .hasToString(
                        "Violation[field=hours, message=Mon 09:00-12:00 and Mon 11:00-18:00 overlap]"));
    assertThat(clinic.hours()).hasSize(2); // unchanged by the refused change
    clinic.replaceHours(List.of());
    assertThat(clinic.hoursSummary()).isEqualTo("no opening hours (UTC)");
  }

  @Test
  void onlyIanaZoneNamesAreAccepted() {
    assertThat(Clinic.zoneNamed("America/Los_Angeles", "timeZone"))
        .isEqualTo(ZoneId.of("America/Los_Angeles"));
    for (String wrong : new String[] {"+02:00", "PST", "Mars/Olympus", "", null}) {
      assertThatThrownBy(() -> Clinic.zoneNamed(wrong, "timeZone"))
          .as(wrong)
          .isInstanceOf(InvalidInput.class);
    }
  }
}
