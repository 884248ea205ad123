package com.directorline.clinical.entity;

/**
 * The unit of an ordered dose, as the director says it and as UCUM writes it (for the chart's FHIR
 * dosage). Hyaluronidase is ordered in USP units, epinephrine in mg.
 */
public enum DoseUnit {
  MG("mg", "mg"),
  MCG("mcg", "ug"),
  G("g", "g"),
  ML("mL", "mL"),
  UNITS("units", "[USP'U]"),
  IU("IU", "[iU]"),
  TABLET("tablet", "{tablet}"),
  PUFF("puff", "{puff}"),
  DROP("drop", "[drp]");

  private final String label;
  private final String ucum;

  DoseUnit(String label, String ucum) {
    this.label = label;
    this.ucum = ucum;
  }

  /** As a person reads it: "mg", "units". */
  public String label() {
    return label;
  }

  /** The UCUM code. */
  public String ucum() {
    return ucum;
  }
}
