package com.directorline.readiness.entity;

/** What a clinic needs before an emergency, in the order the checklist shows it. */
public enum Requirement {
  /** At least one active director who can sign in. */
  DIRECTOR,
  /** A rotation, and nobody missing from it in the next 7 days. */
  ROSTER,
  /** An escalation policy: whom to alert, and how long each step waits. */
  POLICY,
  /** What the injector does when the patient must go to hospital, with a number to call. */
  TRANSFER_PLAN,
  /** A consent text for each kind of consent the emergency asks for. */
  CONSENT_TEXTS,
  /** A written protocol for each complication (an example counts, named as one to adopt). */
  PROTOCOLS,
  /** A drill in the last 90 days, so the team has done it once under no stress. */
  DRILL
}
