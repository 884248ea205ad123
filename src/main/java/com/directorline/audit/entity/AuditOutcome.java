package com.directorline.audit.entity;

/** Whether the attempt succeeded, was refused, or failed. */
public enum AuditOutcome {
  SUCCESS,
  DENIED,
  ERROR;

  /** FHIR R4 AuditEvent.outcome: 0 success, 4 minor failure (refused), 8 serious failure. */
  public String fhirCode() {
    return switch (this) {
      case SUCCESS -> "0";
      case DENIED -> "4";
      case ERROR -> "8";
    };
  }
}
