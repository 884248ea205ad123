package com.directorline.compliance.entity;

/** What makes an event worth a compliance officer's second look. */
public enum FlagKind {
  /** Access under the emergency exception to the normal permissions, with a justification. */
  BREAK_GLASS,
  /** Someone read an emergency they were neither launching, alerted for, nor accepting. */
  NON_PARTICIPANT,
  /** Patient data touched outside the clinic's configured hours. */
  AFTER_HOURS,
  /** A refused attempt: wrong password, lockout, missing role, another clinic's data. */
  DENIED,
  /** One user read more distinct patients than the configured limit within the window. */
  BULK_READ,
  /** The emergency exception to consent was declared: the director and the officer review it. */
  CONSENT_EXCEPTION,
  /** A follow-up after an emergency was not done within the grace after it was due. */
  FOLLOW_UP_OVERDUE
}
