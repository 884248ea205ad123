package com.directorline.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where one emergency's escalation stands (the step and round alerted now, and until when) and the
 * rules that move it. Embedded in the emergency, whose columns these are. Every move is handed the
 * plan frozen into the emergency at launch and the directors alerted so far with their declines
 * ({@link Target}s), which the emergency keeps in a collection of its own: EclipseLink cannot map a
 * collection inside an embeddable.
 *
 * <p>The rules: a step's directors are alerted together and have the step's timeout to answer. When
 * the deadline passes, or every director of the step declined in this round, the next step is
 * alerted at once, with a deadline counted from that moment. After the last step the next round
 * starts again at the first (a director who declined in an earlier round is alerted again); after
 * the last round the plan is exhausted: nobody more is alerted and the transfer plan applies. A
 * step whose directors all declined in this round is passed over at once.
 */
@Embeddable
public class Escalation {

  @Column(name = "current_step", nullable = false)
  private int step;

  @Column(name = "current_round", nullable = false)
  private int round;

  @Column(name = "next_deadline")
  private Instant nextDeadline;

  /** Not started; {@link #start} alerts the first step. */
  public Escalation() {}

  /** One step alerted by a move: who (possibly nobody: all declined) and how long they have. */
  public record StepAlerted(int step, int round, List<UUID> directors, int timeoutSeconds) {
    public StepAlerted {
      directors = List.copyOf(directors);
    }
  }

  /** What a move did: the steps alerted, in order, and whether the plan ran out at the end. */
  public record Moved(List<StepAlerted> steps, boolean exhausted) {

    static final Moved NOTHING = new Moved(List.of(), false);

    public Moved {
      steps = List.copyOf(steps);
    }

    /** Every director alerted by this move, in order. */
    public List<UUID> alerted() {
      return steps.stream().flatMap(s -> s.directors().stream()).toList();
    }
  }

  /** Alerts the plan's first step, first round; the directors alerted are added to targets. */
  public Moved start(EscalationPlan plan, List<Target> targets, Instant now) {
    if (!targets.isEmpty() || nextDeadline != null) {
      throw new IllegalStateException("this escalation has already started");
    }
    List<StepAlerted> steps = new ArrayList<>();
    boolean exhausted = alert(plan, targets, 0, 0, now, steps);
    return new Moved(steps, exhausted);
  }

  /** Moves to the next step when the current one's deadline has passed; otherwise does nothing. */
  public Moved escalateIfDue(EscalationPlan plan, List<Target> targets, Instant now) {
    if (nextDeadline == null || now.isBefore(nextDeadline)) {
      return Moved.NOTHING;
    }
    return advance(plan, targets, now);
  }

  /**
   * The director declines for this round: the next step is alerted at once. Refused ({@link
   * NotAlerted}) for a director who may not answer now.
   */
  public Moved decline(EscalationPlan plan, List<Target> targets, UUID director, Instant now) {
    requireMayAnswer(targets, director);
    targets.stream()
        .filter(t -> t.directorId().equals(director) && t.round() == round)
        .forEach(t -> t.decline(now));
    return advance(plan, targets, now);
  }

  /** Someone accepted, or the emergency ended: no deadline is pending any more. */
  public void stop() {
    nextDeadline = null;
  }

  /**
   * Passes for a director alerted at any step or round so far who has not declined in this round;
   * throws {@link NotAlerted} otherwise.
   */
  public void requireMayAnswer(List<Target> targets, UUID director) {
    if (!wasAlerted(targets, director) || declinedInRound(targets, director, round)) {
      throw new NotAlerted();
    }
  }

  public static boolean wasAlerted(List<Target> targets, UUID director) {
    return targets.stream().anyMatch(t -> t.directorId().equals(director));
  }

  private Moved advance(EscalationPlan plan, List<Target> targets, Instant now) {
    List<StepAlerted> steps = new ArrayList<>();
    boolean exhausted = next(plan, targets, now, steps);
    return new Moved(steps, exhausted);
  }

  /** Alerts the step after the current one; true when there is none (the plan ran out). */
  private boolean next(
      EscalationPlan plan, List<Target> targets, Instant now, List<StepAlerted> steps) {
    int nextStep = step + 1;
    int nextRound = round;
    if (nextStep >= plan.steps().size()) {
      nextStep = 0;
      nextRound++;
    }
    if (nextRound > plan.repeat()) {
      nextDeadline = null;
      return true;
    }
    return alert(plan, targets, nextStep, nextRound, now, steps);
  }

  private boolean alert(
      EscalationPlan plan,
      List<Target> targets,
      int stepIndex,
      int roundIndex,
      Instant now,
      List<StepAlerted> steps) {
    step = stepIndex;
    round = roundIndex;
    EscalationPlan.Step current = plan.step(stepIndex);
    nextDeadline = now.plus(current.timeout());
    List<UUID> alerted = new ArrayList<>();
    for (UUID director : current.directorIds()) {
      if (!declinedInRound(targets, director, roundIndex)) {
        targets.add(new Target(director, stepIndex, roundIndex, now));
        alerted.add(director);
      }
    }
    steps.add(new StepAlerted(stepIndex, roundIndex, alerted, current.timeoutSeconds()));
    if (alerted.isEmpty()) {
      // Everyone at this step already declined this round: go on at once.
      return next(plan, targets, now, steps);
    }
    return false;
  }

  private static boolean declinedInRound(List<Target> targets, UUID director, int roundIndex) {
    return targets.stream()
        .anyMatch(
            t ->
                t.directorId().equals(director)
                    && t.round() == roundIndex
                    && t.declinedAt() != null);
  }

  /** The current step, counted from 0. */
  public int step() {
    return step;
  }

  /** The current round, counted from 0. */
  public int round() {
    return round;
  }

  /** When the current step gives up; empty once someone accepted or the plan ran out. */
  public Optional<Instant> nextDeadline() {
    return Optional.ofNullable(nextDeadline);
  }
}
