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
  USER_CREATED,
  USER_UPDATED,
  ROLES_CHANGED,
  USER_DEACTIVATED,
  USER_REACTIVATED,
  PASSWORD_CHANGED
}
