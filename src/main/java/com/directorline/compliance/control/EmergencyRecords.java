package com.directorline.compliance.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What the review needs to know of emergencies: when each was open (participants working on an open
 * emergency are not "after hours") and which there were (the officer picks one from a list, never
 * by typing its id). The emergencies component provides it, so compliance depends on no component
 * above it.
 */
public interface EmergencyRecords {

  /** When an emergency was launched and when it closed (null while open). */
  record Window(Instant launchedAt, Instant closedAt) {

    /** Whether the instant falls while it was open, or within the grace after it closed. */
    public boolean covers(Instant at, Duration grace) {
      return !at.isBefore(launchedAt) && (closedAt == null || at.isBefore(closedAt.plus(grace)));
    }
  }

  /** One emergency for the officer's picker: no patient data. */
  record Listed(
      UUID id,
      UUID clinicId,
      String complication,
      String status,
      boolean drill,
      Instant launchedAt,
      UUID launchedBy,
      UUID acceptedBy) {}

  /**
   * The emergencies of those clinics open at some moment in [from, to), by id: a clinic has a
   * handful a week, so this one indexed range query replaces a lookup per event.
   */
  Map<UUID, Window> openBetween(Set<UUID> clinicIds, Instant from, Instant to);

  /** Emergencies of those clinics launched in [from, to), newest first, at most {@code limit}. */
  List<Listed> launched(Set<UUID> clinicIds, Instant from, Instant to, int limit);
}
