package com.directorline.emergencies.entity;

/** Where an emergency is in its lifecycle; see {@link Emergency}. */
public enum Status {
  ALERTING,
  ACCEPTED,
  CONNECTED,
  ENDED,
  CANCELLED,
  UNANSWERED
}
