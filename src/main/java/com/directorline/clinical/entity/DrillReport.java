package com.directorline.clinical.entity;

import com.directorline.emergencies.entity.Complication;
import com.directorline.emergencies.entity.Status;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * How a clinic's drills went: each drill's time to accept and to connect, its checklist completion
 * and the orders read back; and per month of the clinic's calendar the trend of the same. No
 * patient data: a drill is practice, and the report is for the clinic's team.
 */
public record DrillReport(
    UUID clinicId, String zone, Instant from, Instant to, List<Drill> drills, List<Month> months) {

  /** One drill. Seconds are null where it did not get that far. */
  public record Drill(
      UUID emergencyId,
      Instant launchedAt,
      Complication complication,
      Status status,
      Long acceptSeconds,
      Long connectSeconds,
      int checklistDone,
      int checklistTotal,
      int ordersGiven,
      int ordersTotal) {}

  /**
   * One month (yyyy-MM on the clinic's calendar): how many drills, the median seconds to accept and
   * to connect, the share of checklist steps done and of orders read back (0 to 1; null with
   * nothing to count).
   */
  public record Month(
      String month,
      int drills,
      Long medianAcceptSeconds,
      Long medianConnectSeconds,
      Double checklistCompletion,
      Double ordersConfirmed) {}
}
