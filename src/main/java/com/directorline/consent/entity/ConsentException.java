package com.directorline.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The emergency exception: the patient cannot consent now, and the injector says why. It covers the
 * consult and photos of that one emergency, never anything after it, and opens a {@link
 * FollowUpTask} to inform the patient and obtain consent.
 */
@Entity
@Table(name = "consent_exception")
public class ConsentException {

  @Id private UUID id;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(name = "patient_ref", nullable = false, updatable = false, length = 64)
  private String patientRef;

  @Column(nullable = false, updatable = false, length = 1000)
  private String reason;

  @Column(name = "recorded_by", nullable = false, updatable = false)
  private UUID recordedBy;

  @Column(name = "recorded_at", nullable = false, updatable = false)
  private Instant recordedAt;

  protected ConsentException() {}

  public static ConsentException declare(
      UUID emergencyId, UUID clinicId, String patientRef, String reason, UUID by, Clock clock) {
    ConsentException exception = new ConsentException();
    exception.id = UUID.randomUUID();
    exception.emergencyId = Objects.requireNonNull(emergencyId);
    exception.clinicId = Objects.requireNonNull(clinicId);
    exception.patientRef = Objects.requireNonNull(patientRef);
    exception.reason = Objects.requireNonNull(reason).strip();
    exception.recordedBy = Objects.requireNonNull(by);
    exception.recordedAt = clock.instant();
    return exception;
  }

  public UUID id() {
    return id;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public String patientRef() {
    return patientRef;
  }

  public String reason() {
    return reason;
  }

  public UUID recordedBy() {
    return recordedBy;
  }

  public Instant recordedAt() {
    return recordedAt;
  }
}
