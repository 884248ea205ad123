package com.directorline.consent.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What the clinic still owes the patient after the emergency exception: inform them and obtain
 * consent. Open until someone completes it with a note; completing is the only change it sees.
 */
@Entity
@Table(name = "follow_up_task")
public class FollowUpTask {

  public static final String INFORM_PATIENT = "INFORM_PATIENT_AND_OBTAIN_CONSENT";

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(name = "patient_ref", nullable = false, updatable = false, length = 64)
  private String patientRef;

  @Column(nullable = false, updatable = false, length = 40)
  private String kind;

  @Column(name = "opened_at", nullable = false, updatable = false)
  private Instant openedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by")
  @Convert(converter = NullableUuidConverter.class)
  private UUID completedBy;

  @Column(length = 2000)
  private String note;

  @Version private long version;

  protected FollowUpTask() {}

  public static FollowUpTask informPatient(ConsentException exception, Clock clock) {
    FollowUpTask task = new FollowUpTask();
    task.id = UUID.randomUUID();
    task.clinicId = exception.clinicId();
    task.emergencyId = exception.emergencyId();
    task.patientRef = exception.patientRef();
    task.kind = INFORM_PATIENT;
    task.openedAt = clock.instant();
    return task;
  }

  /** Thrown when a task is completed twice. */
  public static class AlreadyCompleted extends RuntimeException {
    public AlreadyCompleted() {
      super("the task is already completed");
    }
  }

  public void complete(UUID by, String what, Clock clock) {
    if (completedAt != null) {
      throw new AlreadyCompleted();
    }
    completedBy = Objects.requireNonNull(by);
    note = Objects.requireNonNull(what).strip();
    completedAt = clock.instant();
  }

  public boolean isOpen() {
    return completedAt == null;
  }

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public String patientRef() {
    return patientRef;
  }

  public String kind() {
    return kind;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public UUID completedBy() {
    return completedBy;
  }

  public String note() {
    return note;
  }
}
