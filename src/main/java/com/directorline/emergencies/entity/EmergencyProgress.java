package com.directorline.emergencies.entity;

import com.directorline.consent.entity.ConsentBasis;
import com.directorline.identity.entity.Person;
import java.time.Instant;
import java.util.UUID;

/**
 * Where an emergency stands, for the pages that follow it live: no patient reference, initials,
 * note or summary, so it can be asked for every second without being a patient-data access. {@code
 * timelineEntries} grows with every timeline entry (a photo, a note, a join): a page fetches the
 * timeline or the photos, audited, only when it changed.
 */
public record EmergencyProgress(
    UUID id,
    UUID clinicId,
    Status status,
    Complication complication,
    boolean drill,
    Instant launchedAt,
    Instant acceptedAt,
    Instant connectedAt,
    Instant endedAt,
    Person injector,
    Person director,
    EmergencyView.Escalation escalation,
    ConsentBasis consentBasis,
    Outcome outcome,
    String transferPlan,
    int timelineEntries) {

  /** The view without what names or describes the patient. */
  public static EmergencyProgress of(EmergencyView v, int timelineEntries) {
    return new EmergencyProgress(
        v.id(),
        v.clinicId(),
        v.status(),
        v.complication(),
        v.drill(),
        v.launchedAt(),
        v.acceptedAt(),
        v.connectedAt(),
        v.endedAt(),
        v.injector(),
        v.director(),
        v.escalation(),
        v.consentBasis(),
        v.outcome(),
        v.transferPlan(),
        timelineEntries);
  }
}
