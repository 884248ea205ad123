package com.directorline.audit.entity;

/** What kind of thing an audit event is about. */
public enum ObjectType {
  EMERGENCY,
  TIMELINE,
  VIDEO_GRANT,
  CONSENT,
  CONSENT_TEXT,
  CONSENT_EXCEPTION,
  FOLLOW_UP_TASK,
  PHOTO,
  USER,
  CLINIC,
  ESCALATION_POLICY,
  /** The on-call roster: its rotation and overrides. */
  ON_CALL,
  WEBHOOK,
  PROTOCOL,
  AUDIT_TRAIL,
  AUDIT_REVIEW,
  /** An endpoint refused before it knew its object, e.g. for a missing role. */
  ENDPOINT
}
