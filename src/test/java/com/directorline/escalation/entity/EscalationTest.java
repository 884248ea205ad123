package com.directorline.escalation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The escalation rules on a fixed clock: steps, rounds, deadlines, declines, running out. */
class EscalationTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  private static final Instant T0 = CLOCK.instant();

  private final UUID dana = UUID.randomUUID();
  private final UUID sam = UUID.randomUUID();
  private final UUID lee = UUID.randomUUID();

  private static Instant at(int seconds) {
    return Clock.offset(CLOCK, Duration.ofSeconds(seconds)).instant();
  }

  /** Dana alone for 60 s, then Sam and Lee together for 30 s; {@code repeat} more rounds. */
  private EscalationPlan plan(int repeat) {
    return new EscalationPlan(
        1,
        List.of(
            new EscalationPlan.Step(List.of(dana), 60),
            new EscalationPlan.Step(List.of(sam, lee), 30)),
        repeat,
        "Call 911. Nearest ED: St. Mary's, 2 miles.");
  }

  /** The directors alerted so far, as the emergency keeps them for its escalation. */
  private final List<Target> targets = new ArrayList<>();

  private Escalation started(EscalationPlan plan) {
    Escalation escalation = new Escalation();
    escalation.start(plan, targets, T0);
    return escalation;
  }

  // --- the plan ------------------------------------------------------------------------------

  @Test
  void aPlanNeedsOneToTenStepsAndAtMostFiveRepeats() {
    var step = new EscalationPlan.Step(List.of(dana), 60);
    assertThatThrownBy(() -> new EscalationPlan(1, List.of(), 0, "Call 911"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 10 steps");
    assertThat(new EscalationPlan(1, Collections.nCopies(10, step), 5, "Call 911").steps())
        .hasSize(10);
    assertThatThrownBy(() -> new EscalationPlan(1, Collections.nCopies(11, step), 0, "Call 911"))
        .hasMessageContaining("1 to 10 steps");
    assertThatThrownBy(() -> new EscalationPlan(1, List.of(step), 6, "Call 911"))
        .hasMessageContaining("0 to 5 times");
    assertThatThrownBy(() -> new EscalationPlan(1, List.of(step), -1, "Call 911"))
        .hasMessageContaining("0 to 5 times");
  }

  @Test
  void aStepNamesDirectorsOrARosterLineAndWaitsOneSecondToAnHour() {
    assertThatThrownBy(() -> new EscalationPlan.Step(List.of(), 60))
        .hasMessageContaining("names directors or a roster line");
    assertThatThrownBy(() -> new EscalationPlan.Step(List.of(dana), OnCall.PRIMARY, 60))
        .hasMessageContaining("not both");
    assertThat(new EscalationPlan.Step(null, OnCall.BACKUP, 60).namesRoster()).isTrue();
    EscalationPlan policy =
        new EscalationPlan(
            3,
            List.of(
                new EscalationPlan.Step(null, OnCall.PRIMARY, 30),
                new EscalationPlan.Step(List.of(dana), 60)),
            1,
            "Call 911");
    assertThat(EscalationPlan.fromJson(policy.toJson())).isEqualTo(policy);
    assertThatThrownBy(() -> new EscalationPlan.Step(List.of(dana), 0))
        .hasMessageContaining("1 to 3600 seconds");
    assertThatThrownBy(() -> new EscalationPlan.Step(List.of(dana), 3601))
        .hasMessageContaining("1 to 3600 seconds");
    assertThat(new EscalationPlan.Step(List.of(dana), 3600).timeout())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void aPlanAlwaysSaysWhatToDoWhenNobodyAnswers() {
    var steps = List.of(new EscalationPlan.Step(List.of(dana), 60));
    assertThatThrownBy(() -> new EscalationPlan(1, steps, 0, " "))
        .hasMessageContaining("nobody answers");
    assertThatThrownBy(() -> new EscalationPlan(1, steps, 0, null))
        .hasMessageContaining("nobody answers");
  }

  @Test
  void theFrozenPlanKeepsItsTransferPlanStepsAndVersion() {
    EscalationPlan plan = plan(2);

    EscalationPlan thawed = EscalationPlan.fromJson(plan.toJson());

    assertThat(thawed).isEqualTo(plan);
    assertThat(thawed.transferPlan()).isEqualTo("Call 911. Nearest ED: St. Mary's, 2 miles.");
  }

  // --- steps, rounds and deadlines -----------------------------------------------------------

  @Test
  void theFirstStepIsAlertedAtOnceWithItsTimeout() {
    Escalation escalation = new Escalation();

    Escalation.Moved moved = escalation.start(plan(0), targets, T0);

    assertThat(moved.steps()).containsExactly(new Escalation.StepAlerted(0, 0, List.of(dana), 60));
    assertThat(moved.exhausted()).isFalse();
    assertThat(escalation.nextDeadline()).contains(at(60));
    assertThat(targets)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.directorId()).isEqualTo(dana);
              assertThat(t.alertedAt()).isEqualTo(T0);
              assertThat(t.declinedAt()).isNull();
            });
    assertThatThrownBy(() -> escalation.start(plan(0), targets, T0))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void nothingMovesBeforeTheDeadline() {
    Escalation escalation = started(plan(0));

    assertThat(escalation.escalateIfDue(plan(0), targets, at(59)).steps()).isEmpty();
    assertThat(escalation.step()).isZero();
    assertThat(escalation.nextDeadline()).contains(at(60));
  }

  @Test
  void theDeadlineAlertsTheNextStepWithADeadlineFromThatMoment() {
    Escalation escalation = started(plan(0));

    Escalation.Moved moved = escalation.escalateIfDue(plan(0), targets, at(60));

    assertThat(moved.alerted()).containsExactly(sam, lee);
    assertThat(escalation.step()).isEqualTo(1);
    assertThat(escalation.nextDeadline()).contains(at(90));
  }

  @Test
  void aTickLateAfterARestartMovesOneStepAndGivesItItsFullTime() {
    Escalation escalation = started(plan(0));

    escalation.escalateIfDue(plan(0), targets, at(300));

    assertThat(escalation.step()).isEqualTo(1);
    assertThat(escalation.nextDeadline()).contains(at(330));
  }

  @Test
  void afterTheLastStepTheNextRoundStartsAgainAtTheFirst() {
    Escalation escalation = started(plan(1));
    escalation.escalateIfDue(plan(1), targets, at(60));

    Escalation.Moved moved = escalation.escalateIfDue(plan(1), targets, at(90));

    assertThat(moved.steps()).containsExactly(new Escalation.StepAlerted(0, 1, List.of(dana), 60));
    assertThat(escalation.round()).isEqualTo(1);
    assertThat(escalation.nextDeadline()).contains(at(150));
    assertThat(targets).extracting(Target::round).containsExactly(0, 0, 0, 1);
  }

  @Test
  void afterTheLastRoundThePlanIsExhaustedAndNobodyMoreIsAlerted() {
    Escalation escalation = started(plan(0));
    escalation.escalateIfDue(plan(0), targets, at(60));

    Escalation.Moved moved = escalation.escalateIfDue(plan(0), targets, at(90));

    assertThat(moved.exhausted()).isTrue();
    assertThat(moved.alerted()).isEmpty();
    assertThat(escalation.nextDeadline()).isEmpty();
    assertThat(escalation.escalateIfDue(plan(0), targets, at(10_000)).steps()).isEmpty();
    assertThat(targets).hasSize(3);
  }

  // --- declines and answers ------------------------------------------------------------------

  @Test
  void aDeclineAlertsTheNextStepAtOnce() {
    Escalation escalation = started(plan(0));

    Escalation.Moved moved = escalation.decline(plan(0), targets, dana, at(5));

    assertThat(moved.alerted()).containsExactly(sam, lee);
    assertThat(escalation.nextDeadline()).contains(at(35));
    assertThat(targets.get(0).declinedAt()).isEqualTo(at(5));
    assertThatThrownBy(() -> escalation.requireMayAnswer(targets, dana))
        .isInstanceOf(NotAlerted.class);
    escalation.requireMayAnswer(targets, sam);
  }

  @Test
  void onlyAnAlertedDirectorMayDeclineAndOnlyOncePerRound() {
    Escalation escalation = started(plan(0));

    assertThatThrownBy(() -> escalation.decline(plan(0), targets, sam, at(1)))
        .isInstanceOfSatisfying(
            NotAlerted.class, e -> assertThat(e.problem().status()).isEqualTo(403));
    escalation.decline(plan(0), targets, dana, at(2));
    assertThatThrownBy(() -> escalation.decline(plan(0), targets, dana, at(3)))
        .isInstanceOf(NotAlerted.class);
    assertThatThrownBy(() -> escalation.requireMayAnswer(targets, UUID.randomUUID()))
        .isInstanceOf(NotAlerted.class);
  }

  @Test
  void aDirectorWhoDeclinedIsAlertedAgainInTheNextRound() {
    Escalation escalation = started(plan(1));
    escalation.decline(plan(1), targets, dana, at(5));

    escalation.escalateIfDue(plan(1), targets, at(35));

    assertThat(escalation.round()).isEqualTo(1);
    assertThat(targets).last().extracting(Target::directorId).isEqualTo(dana);
    escalation.requireMayAnswer(targets, dana);
  }

  @Test
  void aDeclineCountsForThisRoundOnly() {
    Escalation escalation = started(plan(1));
    escalation.escalateIfDue(plan(1), targets, at(60));
    escalation.escalateIfDue(plan(1), targets, at(90));

    escalation.decline(plan(1), targets, dana, at(100));

    assertThat(targets)
        .filteredOn(t -> t.directorId().equals(dana))
        .extracting(Target::round, Target::declinedAt)
        .containsExactly(tuple(0, null), tuple(1, at(100)));
  }

  @Test
  void whenEveryoneDeclinedTheLastStepTheRoundEndsAtOnce() {
    Escalation escalation = started(plan(0));
    escalation.decline(plan(0), targets, dana, at(5));
    escalation.decline(plan(0), targets, sam, at(6));

    Escalation.Moved moved = escalation.decline(plan(0), targets, lee, at(7));

    assertThat(moved.exhausted()).isTrue();
    assertThat(escalation.nextDeadline()).isEmpty();
  }

  @Test
  void aStepWhoseDirectorsAllDeclinedThisRoundIsPassedOver() {
    // Dana is on both steps: having declined the first, the second has nobody left to ask.
    EscalationPlan plan =
        new EscalationPlan(
            1,
            List.of(
                new EscalationPlan.Step(List.of(dana), 60),
                new EscalationPlan.Step(List.of(dana), 60),
                new EscalationPlan.Step(List.of(sam), 45)),
            0,
            "Call 911");
    Escalation escalation = started(plan);

    Escalation.Moved moved = escalation.decline(plan, targets, dana, at(10));

    assertThat(moved.steps())
        .containsExactly(
            new Escalation.StepAlerted(1, 0, List.of(), 60),
            new Escalation.StepAlerted(2, 0, List.of(sam), 45));
    assertThat(moved.alerted()).containsExactly(sam);
    assertThat(escalation.nextDeadline()).contains(at(55));
  }

  @Test
  void stoppingLeavesNoDeadlineAndNothingMoves() {
    Escalation escalation = started(plan(0));

    escalation.stop();

    assertThat(escalation.nextDeadline()).isEmpty();
    assertThat(escalation.escalateIfDue(plan(0), targets, at(1_000)).steps()).isEmpty();
    assertThat(Escalation.wasAlerted(targets, dana)).isTrue();
    assertThat(Escalation.wasAlerted(targets, sam)).isFalse();
  }
}
