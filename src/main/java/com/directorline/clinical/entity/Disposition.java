package com.directorline.clinical.entity;

/** Where the patient went after the emergency. */
public enum Disposition {
  HOME("home"),
  OBSERVED_IN_CLINIC("observed in the clinic, then home"),
  ED_TRANSFER("transferred to an emergency department"),
  OTHER("other (see notes)");

  private final String label;

  Disposition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
