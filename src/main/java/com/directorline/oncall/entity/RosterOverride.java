package com.directorline.oncall.entity;

import com.directorline.problems.entity.InvalidInput;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One person covers a line of the roster for [startsAt, endsAt): a swap, a holiday, a hand-over.
 */
@Entity
@Table(name = "on_call_override")
public class RosterOverride {

  /** An override covers at most this long: a longer absence is a change of the rotation. */
  public static final Duration LONGEST = Duration.ofDays(90);

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 8)
  private Line line;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "starts_at", nullable = false, updatable = false)
  private Instant startsAt;

  @Column(name = "ends_at", nullable = false, updatable = false)
  private Instant endsAt;

  @Column(updatable = false, length = 200)
  private String reason;

  @Column(name = "created_by", nullable = false, updatable = false)
  private UUID createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected RosterOverride() {}

  public RosterOverride(
      UUID clinicId,
      Line line,
      UUID userId,
      Instant startsAt,
      Instant endsAt,
      String reason,
      UUID createdBy,
      Instant createdAt) {
    if (!startsAt.isBefore(endsAt)) {
      throw InvalidInput.of("to", "must be after from");
    }
    if (Duration.between(startsAt, endsAt).compareTo(LONGEST) > 0) {
      throw InvalidInput.of("to", "must be within 90 days of from; change the rotation instead");
    }
    this.id = UUID.randomUUID();
    this.clinicId = Objects.requireNonNull(clinicId);
    this.line = Objects.requireNonNull(line);
    this.userId = Objects.requireNonNull(userId);
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.reason = reason == null || reason.isBlank() ? null : reason.strip();
    this.createdBy = Objects.requireNonNull(createdBy);
    this.createdAt = Objects.requireNonNull(createdAt);
  }

  public boolean covers(Line which, Instant at) {
    return line == which && !at.isBefore(startsAt) && at.isBefore(endsAt);
  }

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public Line line() {
    return line;
  }

  public UUID userId() {
    return userId;
  }

  public Instant startsAt() {
    return startsAt;
  }

  public Instant endsAt() {
    return endsAt;
  }

  public String reason() {
    return reason;
  }

  public UUID createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
