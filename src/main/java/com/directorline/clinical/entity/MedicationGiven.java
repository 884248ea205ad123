package com.directorline.clinical.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * The read-back of an order: the person who gave it confirms it was given, and when (which may be a
 * minute before the tap). Never changed.
 */
@Entity
@Table(name = "medication_given")
public class MedicationGiven {

  @Id
  @Column(name = "order_id")
  private UUID orderId;

  @Column(name = "given_at", nullable = false, updatable = false)
  private Instant givenAt;

  @Column(name = "confirmed_by", nullable = false, updatable = false)
  private UUID confirmedBy;

  @Column(name = "confirmed_at", nullable = false, updatable = false)
  private Instant confirmedAt;

  protected MedicationGiven() {}

  MedicationGiven(UUID orderId, Instant givenAt, UUID confirmedBy, Instant confirmedAt) {
    this.orderId = orderId;
    this.givenAt = givenAt;
    this.confirmedBy = confirmedBy;
    this.confirmedAt = confirmedAt;
  }

  public UUID orderId() {
    return orderId;
  }

  public Instant givenAt() {
    return givenAt;
  }

  public UUID confirmedBy() {
    return confirmedBy;
  }

  public Instant confirmedAt() {
    return confirmedAt;
  }
}
