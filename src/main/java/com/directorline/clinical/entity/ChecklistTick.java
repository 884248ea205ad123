package com.directorline.clinical.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A step of the protocol done during an emergency: by whom, when, and what was found (a capillary
 * refill of 3 s). A repeating step is ticked again at each reassessment. Never changed.
 */
@Entity
@Table(name = "checklist_tick")
public class ChecklistTick {

  /** The longest finding a tick may carry. */
  public static final int MAX_FINDING = 500;

  @Id private UUID id;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(name = "protocol_id", nullable = false, updatable = false)
  private UUID protocolId;

  @Column(nullable = false, updatable = false)
  private int position;

  @Column(updatable = false, length = MAX_FINDING)
  private String finding;

  @Column(name = "ticked_by", nullable = false, updatable = false)
  private UUID tickedBy;

  @Column(name = "ticked_at", nullable = false, updatable = false)
  private Instant tickedAt;

  protected ChecklistTick() {}

  ChecklistTick(
      UUID emergencyId, UUID protocolId, int position, String finding, UUID by, Instant at) {
    this.id = UUID.randomUUID();
    this.emergencyId = Objects.requireNonNull(emergencyId);
    this.protocolId = Objects.requireNonNull(protocolId);
    this.position = position;
    this.finding = finding == null || finding.isBlank() ? null : finding.strip();
    this.tickedBy = Objects.requireNonNull(by);
    this.tickedAt = Objects.requireNonNull(at);
  }

  public UUID id() {
    return id;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public UUID protocolId() {
    return protocolId;
  }

  /** The step's position in the protocol, from 0. */
  public int position() {
    return position;
  }

  /** What was found, or null. */
  public String finding() {
    return finding;
  }

  public UUID tickedBy() {
    return tickedBy;
  }

  public Instant tickedAt() {
    return tickedAt;
  }
}
