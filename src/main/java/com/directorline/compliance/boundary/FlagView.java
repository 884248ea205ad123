package com.directorline.compliance.boundary;

import com.directorline.compliance.entity.FlagKind;
import com.directorline.compliance.entity.Review;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The flags in a range, each with the review that covers it, if any. */
public record FlagView(Instant from, Instant to, List<Item> items) {

  /** One flagged event. */
  public record Item(FlagKind kind, String detail, AuditEventView event, ReviewView review) {}

  /** An attestation. */
  public record ReviewView(
      UUID id,
      UUID clinicId,
      Instant from,
      Instant to,
      FlagKind kind,
      Long eventId,
      String note,
      UUID reviewedBy,
      Instant reviewedAt) {

    static ReviewView of(Review r) {
      return new ReviewView(
          r.id(),
          r.clinicId(),
          r.periodFrom(),
          r.periodTo(),
          r.flagKind(),
          r.eventId(),
          r.note(),
          r.reviewedBy(),
          r.reviewedAt());
    }
  }
}
