package com.directorline.clinical.entity;

import com.directorline.emergencies.entity.Complication;
import com.directorline.identity.entity.Person;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An emergency's checklist as both pages show it. {@code protocolId} is null when the clinic had no
 * protocol for the complication. {@code nextDueAt} is when a repeating step is due again; the pages
 * count down to it and ring, and a reload reads it again.
 */
public record ChecklistView(
    UUID emergencyId,
    Complication complication,
    UUID protocolId,
    String title,
    Integer version,
    boolean example,
    int done,
    int total,
    List<ChecklistStep> steps) {

  /** One step: its number from 1, its words, its repeat, and who ticked it when. */
  public record ChecklistStep(
      int step,
      String text,
      Integer repeatSeconds,
      boolean done,
      Instant nextDueAt,
      List<ChecklistTickView> ticks) {}

  /** A tick: when, by whom, and the finding. */
  public record ChecklistTickView(Instant at, UUID byId, String byName, String finding) {}

  public static ChecklistView of(
      Checklist checklist, Complication complication, Map<UUID, Person> people) {
    Protocol p = checklist.protocol().orElse(null);
    if (p == null) {
      return new ChecklistView(
          checklist.emergencyId(), complication, null, null, null, false, 0, 0, List.of());
    }
    List<ChecklistStep> steps =
        p.steps().stream()
            .map(
                s -> {
                  int number = s.position() + 1;
                  List<ChecklistTickView> ticks =
                      checklist.ticksOf(number).stream()
                          .map(
                              t ->
                                  new ChecklistTickView(
                                      t.tickedAt(),
                                      t.tickedBy(),
                                      name(people, t.tickedBy()),
                                      t.finding()))
                          .toList();
                  return new ChecklistStep(
                      number,
                      s.text(),
                      s.repeatSeconds(),
                      !ticks.isEmpty(),
                      checklist.nextDue(number).orElse(null),
                      ticks);
                })
            .toList();
    return new ChecklistView(
        checklist.emergencyId(),
        complication,
        p.id(),
        p.title(),
        p.version(),
        p.isExample(),
        checklist.done(),
        steps.size(),
        steps);
  }

  private static String name(Map<UUID, Person> people, UUID id) {
    Person person = people.get(id);
    return person == null ? null : person.displayName();
  }
}
