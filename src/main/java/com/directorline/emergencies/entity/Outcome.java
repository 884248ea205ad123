package com.directorline.emergencies.entity;

/** How an emergency ended. */
public enum Outcome {
  RESOLVED_ON_SITE,
  TRANSFERRED,
  OTHER
}
