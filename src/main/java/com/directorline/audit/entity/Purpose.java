package com.directorline.audit.entity;

/**
 * Why the data was used (HL7 purpose of use): treatment by the emergency's staff, operations such
 * as administration and compliance review, or break-glass access with its justification.
 */
public enum Purpose {
  TREATMENT("TREAT", "treatment"),
  OPERATIONS("HOPERAT", "healthcare operations"),
  BREAK_GLASS("BTG", "break the glass");

  private final String code;
  private final String display;

  Purpose(String code, String display) {
    this.code = code;
    this.display = display;
  }

  /** The code in http://terminology.hl7.org/CodeSystem/v3-ActReason. */
  public String actReason() {
    return code;
  }

  public String display() {
    return display;
  }
}
