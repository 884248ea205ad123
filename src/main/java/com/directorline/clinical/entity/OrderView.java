package com.directorline.clinical.entity;

import com.directorline.identity.entity.Person;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An order as both pages show it. {@code status} is ORDERED until read back as given, PENDING once
 * it has waited past {@code pendingAt} without the read-back, GIVEN after; the pages turn an order
 * pending at {@code pendingAt} by themselves, without waiting for the next read.
 */
public record OrderView(
    UUID id,
    UUID emergencyId,
    int number,
    String medication,
    BigDecimal dose,
    DoseUnit unit,
    String unitLabel,
    Route route,
    String routeLabel,
    String site,
    String note,
    String summary,
    UUID orderedById,
    String orderedByName,
    Instant orderedAt,
    Instant pendingAt,
    String status,
    Instant givenAt,
    UUID confirmedById,
    String confirmedByName,
    Instant confirmedAt) {

  public static OrderView of(
      MedicationOrder order,
      MedicationGiven given,
      Instant pendingAt,
      Instant now,
      Map<UUID, Person> people) {
    String status = given != null ? "GIVEN" : now.isBefore(pendingAt) ? "ORDERED" : "PENDING";
    return new OrderView(
        order.id(),
        order.emergencyId(),
        order.number(),
        order.medication(),
        order.dose(),
        order.unit(),
        order.unit().label(),
        order.route(),
        order.route().label(),
        order.site(),
        order.note(),
        order.describe(),
        order.orderedBy(),
        name(people, order.orderedBy()),
        order.orderedAt(),
        pendingAt,
        status,
        given == null ? null : given.givenAt(),
        given == null ? null : given.confirmedBy(),
        given == null ? null : name(people, given.confirmedBy()),
        given == null ? null : given.confirmedAt());
  }

  private static String name(Map<UUID, Person> people, UUID id) {
    Person person = people.get(id);
    return person == null ? null : person.displayName();
  }
}
