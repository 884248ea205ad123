package com.directorline.emergencies.entity;

import com.directorline.consent.entity.ConsentBasis;
import com.directorline.identity.entity.Person;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An emergency as its participants and the clinic's directors see it: what {@code GET
 * /api/emergencies/{id}} answers. Built by {@code EmergencyViews}.
 */
public record EmergencyView(
    UUID id,
    UUID clinicId,
    Status status,
    Complication complication,
    String patientRef,
    String patientInitials,
    String note,
    boolean drill,
    Instant launchedAt,
    Instant acceptedAt,
    Instant connectedAt,
    Instant endedAt,
    Person injector,
    Person director,
    Escalation escalation,
    ConsentBasis consentBasis,
    UUID consentId,
    String consentExceptionReason,
    Outcome outcome,
    String summary,
    String transferPlan) {

  /** Where escalation stands; {@code nextDeadline} only while alerting. */
  public record Escalation(
      int policyVersion,
      int step,
      int steps,
      int round,
      int rounds,
      Instant nextDeadline,
      List<Alerted> alerted,
      List<PlannedStep> plan) {}

  /** One step of the escalation plan frozen at launch. */
  public record PlannedStep(int step, List<Person> directors, int timeoutSeconds) {}

  /** A director alerted at a step. */
  public record Alerted(
      UUID directorId,
      String displayName,
      int step,
      int round,
      Instant alertedAt,
      Instant declinedAt) {}
}
