package com.directorline.followups.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.Conflict;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A follow-up's course on a fixed clock: scheduled, due, overdue, rescheduled, done once. */
class FollowUpTest {

  private static final Instant DUE = Instant.parse("2026-12-04T14:00:00Z");
  private static final Duration GRACE = Duration.ofHours(4);

  @Test
  void itIsScheduledThenDueThenOverdueAndARescheduleIsRemindedAgain() {
    UUID nurse = UUID.randomUUID();
    FollowUp f =
        FollowUp.schedule(
            UUID.randomUUID(),
            UUID.randomUUID(),
            " Call ",
            DUE,
            nurse,
            null,
            DUE.minus(Duration.ofDays(1)));
    assertThat(f.what()).isEqualTo("Call");
    assertThat(f.status(DUE.minusSeconds(1), GRACE)).isEqualTo(FollowUpStatus.SCHEDULED);
    assertThat(f.status(DUE, GRACE)).isEqualTo(FollowUpStatus.DUE);
    assertThat(f.status(DUE.plus(GRACE), GRACE)).isEqualTo(FollowUpStatus.OVERDUE);

    f.reminded(DUE);
    f.foundOverdue(DUE.plus(GRACE));
    f.change(null, DUE.plus(Duration.ofDays(1)), null);
    assertThat(f.remindedAt()).as("a new time is reminded again").isNull();
    assertThat(f.overdueAt()).isNull();
    f.reminded(DUE.plus(Duration.ofDays(1)));
    f.change(null, null, UUID.randomUUID());
    assertThat(f.remindedAt()).as("a new person is reminded too").isNull();

    f.complete(nurse, " Spoke to the patient ", DUE.plus(Duration.ofDays(1)));
    assertThat(f.status(DUE.plus(Duration.ofDays(30)), GRACE)).isEqualTo(FollowUpStatus.DONE);
    assertThat(f.outcome()).isEqualTo("Spoke to the patient");
    assertThatThrownBy(() -> f.complete(nurse, "again", DUE)).isInstanceOf(Conflict.class);
    assertThatThrownBy(() -> f.change("x", null, null)).isInstanceOf(Conflict.class);
  }
}
