package com.directorline.emergencies.entity;

import com.directorline.problems.entity.Conflict;

/**
 * 409: consent and photos are filed under the patient's reference, which this emergency does not
 * have yet (it was launched alert first); the launching injector adds it with PATCH.
 */
public class PatientReferenceNeeded extends Conflict {
  public PatientReferenceNeeded(String what) {
    super(
        "patient-reference-needed",
        "Add the patient's reference to the emergency first: " + what + " filed under it.");
  }
}
