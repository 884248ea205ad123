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
  /** An emergency's live checklist: the protocol in force and its ticks. */
  CHECKLIST,
  /** A medication order given on the call, and its read-back. */
  MEDICATION_ORDER,
  /** The incident record of an emergency (the draft and the signed record). */
  INCIDENT_RECORD,
  /** The accepting director's signature of the incident record: an attestation. */
  SIGNATURE,
  /** A dated correction or addition to a signed incident record. */
  ADDENDUM,
  /** An emergency's chart, exported as PDF or FHIR. */
  CHART,
  /** A follow-up after an emergency (a call at 24 h), scheduled, changed, reminded, completed. */
  FOLLOW_UP,
  /** A follow-up the system found overdue: what the compliance flags look for. */
  OVERDUE_FOLLOW_UP,
  AUDIT_TRAIL,
  AUDIT_REVIEW,
  /** An endpoint refused before it knew its object, e.g. for a missing role. */
  ENDPOINT
}
