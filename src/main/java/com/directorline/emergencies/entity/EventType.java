package com.directorline.emergencies.entity;

/** What a timeline entry records. */
public enum EventType {
  LAUNCHED,
  ALERTED,
  DECLINED,
  ACCEPTED,
  JOINED,
  LEFT,
  CANCELLED,
  UNANSWERED,
  ENDED,
  CONSENT_EXCEPTION,
  PHOTO_ADDED,
  NOTE,
  /** The launching injector added the patient's details after the alert went out. */
  DETAILS,
  /** The summary for the chart written when the emergency ended. */
  SUMMARY,
  /** A step of the protocol's checklist was done (clinical). */
  CHECKLIST,
  /** The director ordered a medication (clinical). */
  ORDERED,
  /** The injector read an order back as given, with the time (clinical). */
  GIVEN,
  /** A participant saved the incident record's draft (clinical): the other page reads it again. */
  RECORD_SAVED,
  /** The accepting director signed the incident record (clinical). */
  RECORD_SIGNED,
  /** A dated correction or addition to the signed record (clinical). */
  ADDENDUM;

  /** What the clinical record puts on the timeline; the emergency records the rest itself. */
  public boolean isClinical() {
    return this == CHECKLIST
        || this == ORDERED
        || this == GIVEN
        || this == RECORD_SAVED
        || this == RECORD_SIGNED
        || this == ADDENDUM;
  }
}
