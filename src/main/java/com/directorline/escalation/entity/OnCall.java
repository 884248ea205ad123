package com.directorline.escalation.entity;

/**
 * A step of a policy that names the roster instead of people: whoever is on that line when the
 * emergency launches, or every active director of the clinic then. Resolved at launch and frozen
 * into the emergency, like the rest of the plan.
 */
public enum OnCall {
  PRIMARY,
  BACKUP,
  ALL_DIRECTORS
}
