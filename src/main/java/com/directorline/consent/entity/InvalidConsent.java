package com.directorline.consent.entity;

/** A consent that breaks a rule; names the field, never its value. */
public class InvalidConsent extends RuntimeException {

  private final String field;

  public InvalidConsent(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
