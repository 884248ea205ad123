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
  SUMMARY
}
