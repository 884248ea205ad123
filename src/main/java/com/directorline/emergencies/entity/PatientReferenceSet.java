package com.directorline.emergencies.entity;

import com.directorline.problems.entity.Conflict;

/**
 * 409: the patient reference is set once. Consent, photos and the audit trail are already filed
 * under it; a correction is written as a note instead, for the record.
 */
public class PatientReferenceSet extends Conflict {
  public PatientReferenceSet() {
    super(
        "patient-reference-set",
        "The patient reference is already set and cannot change: consent, photos and the audit"
            + " trail are filed under it. Write the correction in a note.");
  }
}
