package com.directorline.audit.entity;

/** What was done, in the vocabulary of FHIR AuditEvent.action plus the security events. */
public enum AuditAction {
  CREATE,
  READ,
  UPDATE,
  DELETE,
  EXPORT,
  VERIFY,
  LOGIN,
  LOGOUT,
  LOCKOUT;

  /** FHIR R4 AuditEvent.action code: C, R, U, D or E (execute). */
  public String fhirCode() {
    return switch (this) {
      case CREATE -> "C";
      case READ, EXPORT -> "R";
      case UPDATE -> "U";
      case DELETE -> "D";
      case VERIFY, LOGIN, LOGOUT, LOCKOUT -> "E";
    };
  }
}
