package com.directorline.compliance.boundary;

import com.directorline.compliance.entity.FlagKind;
import com.directorline.compliance.entity.Review;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The flags in a range, grouped per kind, clinic, person, the clinic's calendar day and emergency,
 * newest group first. {@code total} counts every flag, {@code kinds} every flag per kind, {@code
 * groupCount} every group; at most {@link #MAX_GROUPS} groups are listed. Each group counts all its
 * flags and how many a review covers, and shows the first {@link #SHOWN} of them; the audit search
 * finds the rest. The caps keep the answer small and quick whatever a week held.
 */
public record FlagView(
    Instant from,
    Instant to,
    int total,
    Map<FlagKind, Integer> kinds,
    int groupCount,
    List<Group> groups) {

  /** Flags shown per group; {@code more} says how many are not. */
  public static final int SHOWN = 10;

  /** Groups listed, newest first; a kind or a shorter period finds the others. */
  public static final int MAX_GROUPS = 100;

  /** Flags of one kind by one person on one day of one clinic, in one emergency (or none). */
  public record Group(
      FlagKind kind,
      String detail,
      UUID clinicId,
      String clinicName,
      String timeZone,
      LocalDate day,
      UUID userId,
      String username,
      UUID emergencyId,
      int count,
      int reviewed,
      Instant first,
      Instant last,
      List<Item> items,
      int more) {}

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
