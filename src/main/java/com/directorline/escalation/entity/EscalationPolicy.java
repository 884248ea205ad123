package com.directorline.escalation.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One version of a clinic's escalation policy; a change is a new row, never an update. */
@Entity
@Table(name = "escalation_policy")
public class EscalationPolicy {

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(nullable = false, updatable = false, length = 8000)
  private String steps;

  @Column(name = "repeat_count", nullable = false, updatable = false)
  private int repeat;

  @Column(name = "transfer_plan", nullable = false, updatable = false, length = 4000)
  private String transferPlan;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID createdBy;

  protected EscalationPolicy() {}

  public static EscalationPolicy version(
      UUID clinicId, EscalationPlan plan, UUID createdBy, Instant at) {
    EscalationPolicy policy = new EscalationPolicy();
    policy.id = UUID.randomUUID();
    policy.clinicId = clinicId;
    policy.version = plan.version();
    policy.steps = plan.stepsJson();
    policy.repeat = plan.repeat();
    policy.transferPlan = plan.transferPlan();
    policy.createdAt = at;
    policy.createdBy = createdBy;
    return policy;
  }

  public EscalationPlan plan() {
    return new EscalationPlan(version, EscalationPlan.stepsFromJson(steps), repeat, transferPlan);
  }

  public UUID clinicId() {
    return clinicId;
  }

  public int version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public UUID createdBy() {
    return createdBy;
  }
}
