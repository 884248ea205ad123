package com.directorline.clinical.entity;

import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A medication the accepting director ordered on the call: what, how much, how, where. The order is
 * never changed; the injector's read-back that it was given is a {@link MedicationGiven} of its
 * own. A mistaken order is corrected by a new one and a note, as on paper.
 */
@Entity
@Table(name = "medication_order")
public class MedicationOrder {

  /** How far a phone's clock may run ahead of ours when it says when a dose was given. */
  public static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  @Id private UUID id;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(nullable = false, updatable = false)
  private int number;

  @Column(nullable = false, updatable = false, length = 200)
  private String medication;

  @Column(nullable = false, updatable = false, precision = 12, scale = 4)
  private BigDecimal dose;

  @Enumerated(EnumType.STRING)
  @Column(name = "dose_unit", nullable = false, updatable = false, length = 16)
  private DoseUnit unit;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private Route route;

  @Column(updatable = false, length = 200)
  private String site;

  @Column(updatable = false, length = 500)
  private String note;

  @Column(name = "ordered_by", nullable = false, updatable = false)
  private UUID orderedBy;

  @Column(name = "ordered_at", nullable = false, updatable = false)
  private Instant orderedAt;

  protected MedicationOrder() {}

  /** The emergency's order number {@code number} (from 1). */
  public static MedicationOrder of(
      UUID emergencyId,
      int number,
      String medication,
      BigDecimal dose,
      DoseUnit unit,
      Route route,
      String site,
      String note,
      UUID by,
      Instant at) {
    if (dose.signum() <= 0) {
      throw InvalidInput.of("dose", "must be more than 0");
    }
    if (dose.stripTrailingZeros().scale() > 4) {
      // Stored with 4 decimals: a finer dose would be rounded, and the chart would disagree.
      throw InvalidInput.of("dose", "must have at most 4 decimal places");
    }
    MedicationOrder order = new MedicationOrder();
    order.id = UUID.randomUUID();
    order.emergencyId = Objects.requireNonNull(emergencyId);
    order.number = number;
    order.medication = medication.strip();
    order.dose = dose.stripTrailingZeros();
    order.unit = Objects.requireNonNull(unit);
    order.route = Objects.requireNonNull(route);
    order.site = blankToNull(site);
    order.note = blankToNull(note);
    order.orderedBy = Objects.requireNonNull(by);
    order.orderedAt = Objects.requireNonNull(at);
    return order;
  }

  /**
   * The read-back: given at {@code givenAt} (now when not said), confirmed now. Refused once
   * already confirmed (409 {@code order-given}), and for a time before the order or ahead of the
   * clock (400 naming {@code givenAt}).
   */
  public MedicationGiven confirmGiven(
      MedicationGiven already, Instant givenAt, UUID by, Instant now) {
    if (already != null) {
      throw new Conflict("order-given", "Order " + number + " is already confirmed as given.");
    }
    Instant given = givenAt == null ? now : givenAt;
    if (given.isBefore(orderedAt.truncatedTo(ChronoUnit.MINUTES))) {
      throw InvalidInput.of("givenAt", "must not be before the order was placed");
    }
    if (given.isBefore(orderedAt)) {
      // "Given at 14:32" for an order placed at 14:32:40: the phone says minutes, not seconds.
      given = orderedAt;
    }
    if (given.isAfter(now.plus(CLOCK_SKEW))) {
      throw InvalidInput.of("givenAt", "must not be in the future");
    }
    return new MedicationGiven(id, given, by, now);
  }

  /** The order in one line, as the timeline and the chart show it. */
  public String describe() {
    return medication
        + " "
        + dose().toPlainString()
        + " "
        + unit.label()
        + " "
        + route.label()
        + (site == null ? "" : ", " + site)
        + (note == null ? "" : " (" + note + ")");
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  public UUID id() {
    return id;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public int number() {
    return number;
  }

  public String medication() {
    return medication;
  }

  /** The dose as written: 1500, not the column's 1500.0000 nor 1.5E+3. */
  public BigDecimal dose() {
    return new BigDecimal(dose.stripTrailingZeros().toPlainString());
  }

  public DoseUnit unit() {
    return unit;
  }

  public Route route() {
    return route;
  }

  public String site() {
    return site;
  }

  public String note() {
    return note;
  }

  public UUID orderedBy() {
    return orderedBy;
  }

  public Instant orderedAt() {
    return orderedAt;
  }
}
