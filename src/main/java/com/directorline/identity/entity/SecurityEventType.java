package com.directorline.identity.entity;

/** What happened to an account or a sign-in. */
public enum SecurityEventType {
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  ACCOUNT_LOCKED,
  LOGIN_REFUSED_LOCKED,
  ACCOUNT_UNLOCKED,
  LOGOUT,
  SESSION_ENDED,
  CLINIC_CREATED,
  CLINIC_UPDATED,
  USER_CREATED,
  USER_UPDATED,
  ROLES_CHANGED,
  USER_DEACTIVATED,
  USER_REACTIVATED,
  PASSWORD_CHANGED,
  /** An admin issued a one-time link to choose a password (an invitation or a reset). */
  SETUP_LINK_ISSUED,
  /** The person chose their password through their link. */
  PASSWORD_SET
}
