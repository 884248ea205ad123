package com.directorline.identity.entity;

/** What a user may do. Names double as the security roles in {@code @RolesAllowed}. */
public enum Role {
  INJECTOR,
  DIRECTOR,
  COMPLIANCE_OFFICER,
  ADMIN;

  /** Compile-time constants for {@code @RolesAllowed}. */
  public static final class Names {
    public static final String INJECTOR = "INJECTOR";
    public static final String DIRECTOR = "DIRECTOR";
    public static final String COMPLIANCE_OFFICER = "COMPLIANCE_OFFICER";
    public static final String ADMIN = "ADMIN";

    private Names() {}
  }
}
