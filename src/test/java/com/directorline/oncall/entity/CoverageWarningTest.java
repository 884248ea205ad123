package com.directorline.oncall.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** At most one coverage warning a day. */
class CoverageWarningTest {

  @Test
  void aDayIsClaimedOnceAndTheNextDayAgain() {
    LocalDate monday = LocalDate.of(2026, 11, 30);
    CoverageWarning warning = new CoverageWarning(UUID.randomUUID(), monday);
    assertThat(warning.claim(monday)).isFalse();
    assertThat(warning.claim(monday.minusDays(1))).as("a clock set back").isFalse();
    assertThat(warning.claim(monday.plusDays(1))).isTrue();
    assertThat(warning.claim(monday.plusDays(1))).isFalse();
  }
}
