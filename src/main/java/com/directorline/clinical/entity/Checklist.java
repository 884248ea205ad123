package com.directorline.clinical.entity;

import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.NotFound;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An emergency's protocol as a live checklist: the version in force when it launched, and the ticks
 * so far. A step done once is done; a repeating step ("reassess capillary refill every 15 minutes")
 * is due again its interval after its last tick, so the countdown is the server's and survives a
 * reload of either page.
 */
public final class Checklist {

  private final UUID emergencyId;
  private final Protocol protocol;
  private final List<ChecklistTick> ticks;

  public Checklist(UUID emergencyId, Protocol protocol, List<ChecklistTick> ticks) {
    this.emergencyId = Objects.requireNonNull(emergencyId);
    this.protocol = protocol;
    this.ticks = ticks.stream().sorted(Comparator.comparing(ChecklistTick::tickedAt)).toList();
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  /** The protocol in force, or empty when the clinic had none for this complication. */
  public Optional<Protocol> protocol() {
    return Optional.ofNullable(protocol);
  }

  public List<ChecklistTick> ticks() {
    return ticks;
  }

  /** The ticks of one step (its number from 1), oldest first. */
  public List<ChecklistTick> ticksOf(int number) {
    return ticks.stream().filter(t -> t.position() == number - 1).toList();
  }

  /** When a repeating step is due again: its interval after its last tick; else empty. */
  public Optional<Instant> nextDue(int number) {
    ProtocolStep step = step(number);
    List<ChecklistTick> done = ticksOf(number);
    if (step.repeatSeconds() == null || done.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(done.get(done.size() - 1).tickedAt().plusSeconds(step.repeatSeconds()));
  }

  /** Steps ticked at least once. */
  public int done() {
    if (protocol == null) {
      return 0;
    }
    return (int) ticks.stream().map(ChecklistTick::position).distinct().count();
  }

  /** The step with that number (from 1), or 404 when the protocol has no such step. */
  public ProtocolStep step(int number) {
    return protocol()
        .filter(p -> number >= 1 && number <= p.steps().size())
        .map(p -> p.steps().get(number - 1))
        .orElseThrow(() -> new NotFound("checklist step"));
  }

  /**
   * Ticks a step: once for a step done once (409 {@code step-done} after that), at every
   * reassessment for a repeating one. 409 {@code no-protocol} when there is nothing to tick.
   */
  public ChecklistTick tick(int number, String finding, UUID by, Instant at) {
    if (protocol == null) {
      throw new Conflict(
          "no-protocol",
          "The clinic had no protocol for this complication when the emergency launched.");
    }
    ProtocolStep step = step(number);
    if (step.repeatSeconds() == null && !ticksOf(number).isEmpty()) {
      throw new Conflict("step-done", "Step " + number + " is already done.");
    }
    return new ChecklistTick(emergencyId, protocol.id(), step.position(), finding, by, at);
  }

  /** The timeline's line for a tick: the step's number and words, and the finding. */
  public String describe(ChecklistTick tick) {
    ProtocolStep step = step(tick.position() + 1);
    return "Step "
        + (tick.position() + 1)
        + ": "
        + step.text()
        + (tick.finding() == null ? "" : " — " + tick.finding());
  }
}
