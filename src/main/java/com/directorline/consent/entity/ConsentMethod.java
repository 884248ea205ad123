package com.directorline.consent.entity;

/** How the consent was given. */
public enum ConsentMethod {
  /** Spoken, attested by the staff member and a named witness. */
  VERBAL_ATTESTED,
  /** On paper, kept by the clinic. */
  WRITTEN,
  /** Signed on the device: a signature image or a typed name. */
  ELECTRONIC_SIGNATURE
}
