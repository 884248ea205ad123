package com.directorline.oncall.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A clinic's rotation (or none) with its overrides: who is on a line at an instant, and the shifts
 * of a period. The newest override covering an instant wins over older ones and over the rotation,
 * so a swap made today beats a holiday planned last month.
 */
public final class Roster {

  /** One person on one line for [from, to); {@code overrideId} when an override put them there. */
  public record Shift(Line line, UUID userId, Instant from, Instant to, UUID overrideId) {}

  private final Rotation rotation;
  private final List<RosterOverride> overrides;

  public Roster(Rotation rotation, List<RosterOverride> overrides) {
    this.rotation = rotation;
    this.overrides =
        overrides.stream()
            .sorted(Comparator.comparing(RosterOverride::createdAt).reversed())
            .toList();
  }

  public Optional<Rotation> rotation() {
    return Optional.ofNullable(rotation);
  }

  /** Who is on the line at that instant: the newest override covering it, else the rotation. */
  public Optional<UUID> onCall(Line line, Instant at) {
    return Optional.ofNullable(shiftAt(line, at).userId());
  }

  private Shift shiftAt(Line line, Instant at) {
    for (RosterOverride o : overrides) {
      if (o.covers(line, at)) {
        return new Shift(line, o.userId(), null, null, o.id());
      }
    }
    UUID scheduled = rotation == null ? null : rotation.onCall(line, at).orElse(null);
    return new Shift(line, scheduled, null, null, null);
  }

  /**
   * The shifts of both lines in [from, to), cut at every handoff and every override's start and
   * end, with neighbouring pieces of the same person from the same source joined. A stretch with
   * nobody on a line is a shift with a null person: a gap.
   */
  public List<Shift> shifts(Instant from, Instant to) {
    TreeSet<Instant> cuts = new TreeSet<>();
    cuts.add(from);
    cuts.add(to);
    Set<Instant> handoffs =
        rotation == null ? Set.of() : new HashSet<>(rotation.handoffsBetween(from, to));
    cuts.addAll(handoffs);
    for (RosterOverride o : overrides) {
      if (o.startsAt().isAfter(from) && o.startsAt().isBefore(to)) {
        cuts.add(o.startsAt());
      }
      if (o.endsAt().isAfter(from) && o.endsAt().isBefore(to)) {
        cuts.add(o.endsAt());
      }
    }
    List<Shift> shifts = new ArrayList<>();
    for (Line line : Line.values()) {
      Shift open = null;
      Instant start = null;
      for (Instant cut : cuts) {
        if (start != null) {
          Shift piece = shiftAt(line, start);
          if (open != null
              && Objects.equals(open.userId(), piece.userId())
              && Objects.equals(open.overrideId(), piece.overrideId())
              && !(piece.overrideId() == null && handoffs.contains(start))) {
            open = new Shift(line, open.userId(), open.from(), cut, open.overrideId());
          } else {
            if (open != null) {
              shifts.add(open);
            }
            open = new Shift(line, piece.userId(), start, cut, piece.overrideId());
          }
        }
        start = cut;
      }
      if (open != null) {
        shifts.add(open);
      }
    }
    return shifts;
  }
}
