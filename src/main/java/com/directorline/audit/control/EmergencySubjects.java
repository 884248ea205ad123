package com.directorline.audit.control;

import java.util.Optional;
import java.util.UUID;

/**
 * The clinic and patient of an emergency, for an event that knows only the emergency's id: a
 * refused or failed attempt at one of its endpoints. The emergencies component provides it, so the
 * trail depends on no business component.
 */
public interface EmergencySubjects {

  /** Whose emergency this is. */
  record Subject(UUID clinicId, String patientRef) {}

  Optional<Subject> of(UUID emergencyId);
}
