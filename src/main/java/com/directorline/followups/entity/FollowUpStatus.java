package com.directorline.followups.entity;

/** Where a follow-up stands: not yet due, due, past its grace, or done. */
public enum FollowUpStatus {
  SCHEDULED,
  DUE,
  OVERDUE,
  DONE
}
