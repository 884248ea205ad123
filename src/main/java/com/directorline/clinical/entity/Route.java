package com.directorline.clinical.entity;

/** How an ordered medication is given. */
public enum Route {
  SUBCUTANEOUS("subcutaneous"),
  INTRADERMAL("intradermal"),
  INTRAMUSCULAR("intramuscular"),
  INTRAVENOUS("intravenous"),
  ORAL("oral"),
  SUBLINGUAL("sublingual"),
  TOPICAL("topical"),
  INHALED("inhaled"),
  OTHER("other (see note)");

  private final String label;

  Route(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
