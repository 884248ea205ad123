package com.directorline.followups.entity;

/** Where a follow-up came from. */
public enum FollowUpSource {
  /** Scheduled from the protocol when the emergency ended. */
  PROTOCOL,
  /** Added by a person. */
  MANUAL,
  /** The consent-exception task: inform the patient and ask for consent (kept by consent). */
  CONSENT_EXCEPTION
}
