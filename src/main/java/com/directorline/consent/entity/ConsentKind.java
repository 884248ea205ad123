package com.directorline.consent.entity;

/** What the patient consents to. */
public enum ConsentKind {
  /** The video consult with the supervising physician. */
  TELEHEALTH_CONSULT,
  /** Clinical photos taken and shared with the director. */
  PHOTO_CAPTURE_AND_SHARING
}
