package com.directorline.audit.boundary;

import com.directorline.audit.entity.FlagKind;
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
      Instant reviewedAt) {}
}
