package com.directorline.followups.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import com.directorline.problems.entity.Conflict;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A follow-up after an emergency: what to do, when, by whom. Rescheduled or reassigned while open
 * (a new due time is reminded again); completed once, with the outcome.
 */
@Entity
@Table(name = "follow_up")
public class FollowUp {

  public static final int MAX_WHAT = 500;
  public static final int MAX_OUTCOME = 2000;

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(nullable = false, length = MAX_WHAT)
  private String what;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  @Column(name = "assignee_id", nullable = false)
  private UUID assigneeId;

  /** Null when the protocol scheduled it at the end of the emergency. */
  @Column(name = "created_by", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "reminded_at")
  private Instant remindedAt;

  @Column(name = "overdue_at")
  private Instant overdueAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "completed_by")
  @Convert(converter = NullableUuidConverter.class)
  private UUID completedBy;

  @Column(length = MAX_OUTCOME)
  private String outcome;

  @Version
  @Column(nullable = false)
  private int version;

  protected FollowUp() {}

  public static FollowUp schedule(
      UUID clinicId,
      UUID emergencyId,
      String what,
      Instant dueAt,
      UUID assigneeId,
      UUID createdBy,
      Instant now) {
    FollowUp f = new FollowUp();
    f.id = UUID.randomUUID();
    f.clinicId = Objects.requireNonNull(clinicId);
    f.emergencyId = Objects.requireNonNull(emergencyId);
    f.what = Objects.requireNonNull(what).strip();
    f.dueAt = Objects.requireNonNull(dueAt);
    f.assigneeId = Objects.requireNonNull(assigneeId);
    f.createdBy = createdBy;
    f.createdAt = Objects.requireNonNull(now);
    return f;
  }

  /** Where it stands now, with {@code grace} after the due time before it is overdue. */
  public FollowUpStatus status(Instant now, Duration grace) {
    if (completedAt != null) {
      return FollowUpStatus.DONE;
    }
    if (now.isBefore(dueAt)) {
      return FollowUpStatus.SCHEDULED;
    }
    return now.isBefore(dueAt.plus(grace)) ? FollowUpStatus.DUE : FollowUpStatus.OVERDUE;
  }

  /**
   * A new time, person or task while it is open (409 {@code follow-up-done} after). A new due time
   * is reminded again, and found overdue again if it passes.
   */
  public void change(String newWhat, Instant newDueAt, UUID newAssignee) {
    requireOpen();
    if (newWhat != null) {
      what = newWhat.strip();
    }
    if (newDueAt != null && !newDueAt.equals(dueAt)) {
      dueAt = newDueAt;
      remindedAt = null;
      overdueAt = null;
    }
    if (newAssignee != null && !newAssignee.equals(assigneeId)) {
      assigneeId = newAssignee;
      remindedAt = null;
    }
  }

  public void complete(UUID by, String result, Instant now) {
    requireOpen();
    completedAt = Objects.requireNonNull(now);
    completedBy = Objects.requireNonNull(by);
    outcome = Objects.requireNonNull(result).strip();
  }

  public void reminded(Instant now) {
    remindedAt = now;
  }

  public void foundOverdue(Instant now) {
    overdueAt = now;
  }

  /** 409 {@code follow-up-done} once completed: its outcome and photos are final. */
  public void requireOpen() {
    if (completedAt != null) {
      throw new Conflict("follow-up-done", "This follow-up was completed at " + completedAt + ".");
    }
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

  public String what() {
    return what;
  }

  public Instant dueAt() {
    return dueAt;
  }

  public UUID assigneeId() {
    return assigneeId;
  }

  public UUID createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant remindedAt() {
    return remindedAt;
  }

  public Instant overdueAt() {
    return overdueAt;
  }

  public Instant completedAt() {
    return completedAt;
  }

  public UUID completedBy() {
    return completedBy;
  }

  public String outcome() {
    return outcome;
  }
}
