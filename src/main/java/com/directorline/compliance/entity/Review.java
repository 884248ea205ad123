package com.directorline.compliance.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A compliance officer's attestation (HIPAA 164.308(a)(1)(ii)(D), information system activity
 * review): this period of one clinic's trail, or only one kind of flag in it, or one event, was
 * reviewed, with a note. Written once; a correction is another review.
 */
@Entity
@Table(name = "audit_review")
public class Review {

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(name = "reviewed_by", nullable = false, updatable = false)
  private UUID reviewedBy;

  @Column(name = "reviewed_at", nullable = false, updatable = false)
  private Instant reviewedAt;

  @Column(name = "period_from", nullable = false, updatable = false)
  private Instant periodFrom;

  @Column(name = "period_to", nullable = false, updatable = false)
  private Instant periodTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "flag_kind", updatable = false, length = 16)
  private FlagKind flagKind;

  @Column(name = "event_id", updatable = false)
  private Long eventId;

  @Column(nullable = false, updatable = false, length = 2000)
  private String note;

  protected Review() {}

  private Review(
      UUID clinicId,
      UUID reviewedBy,
      Instant reviewedAt,
      Instant from,
      Instant to,
      FlagKind kind,
      Long eventId,
      String note) {
    this.id = UUID.randomUUID();
    this.clinicId = Objects.requireNonNull(clinicId);
    this.reviewedBy = Objects.requireNonNull(reviewedBy);
    this.reviewedAt = Objects.requireNonNull(reviewedAt);
    this.periodFrom = Objects.requireNonNull(from);
    this.periodTo = Objects.requireNonNull(to);
    this.flagKind = kind;
    this.eventId = eventId;
    this.note = Objects.requireNonNull(note);
  }

  /** An attestation; the period must be non-empty and must not reach into the future. */
  public static Review attest(
      UUID clinicId,
      UUID reviewer,
      Instant now,
      Instant from,
      Instant to,
      FlagKind kind,
      Long eventId,
      String note) {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from must be before to");
    }
    if (to.isAfter(now)) {
      throw new IllegalArgumentException("a review cannot cover the future");
    }
    return new Review(clinicId, reviewer, now, from, to, kind, eventId, note);
  }

  /** Whether this review covers a flag of that kind on that event at that time. */
  public boolean covers(FlagKind kind, long event, Instant at) {
    if (eventId != null) {
      return eventId == event;
    }
    return (flagKind == null || flagKind == kind)
        && !at.isBefore(periodFrom)
        && at.isBefore(periodTo);
  }

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public UUID reviewedBy() {
    return reviewedBy;
  }

  public Instant reviewedAt() {
    return reviewedAt;
  }

  public Instant periodFrom() {
    return periodFrom;
  }

  public Instant periodTo() {
    return periodTo;
  }

  public FlagKind flagKind() {
    return flagKind;
  }

  public Long eventId() {
    return eventId;
  }

  public String note() {
    return note;
  }
}
