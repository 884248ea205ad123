package com.directorline.consent.entity;

/** What an emergency's consult rests on. */
public enum ConsentBasis {
  /** The patient's telehealth consent, in effect now. */
  TELEHEALTH_CONSENT,
  /** The emergency exception, declared for this emergency because the patient cannot consent. */
  EMERGENCY_EXCEPTION,
  /** Neither yet: the director sees it, and the injector is asked for one. */
  NOT_RECORDED
}
