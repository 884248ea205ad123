package com.directorline.emergencies.entity;

/** The kind of complication the injector reports. */
public enum Complication {
  VASCULAR_OCCLUSION,
  ANAPHYLAXIS,
  ALLERGIC_REACTION,
  BURN,
  VASOVAGAL,
  INFECTION,
  OTHER
}
