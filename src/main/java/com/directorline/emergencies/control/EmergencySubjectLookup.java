package com.directorline.emergencies.control;

import com.directorline.audit.control.EmergencySubjects;
import com.directorline.emergencies.entity.Emergency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import java.util.UUID;

/** Tells the audit trail whose emergency a refused or failed attempt was about. */
@ApplicationScoped
public class EmergencySubjectLookup implements EmergencySubjects {

  @PersistenceContext EntityManager em;

  @Override
  public Optional<Subject> of(UUID emergencyId) {
    return Optional.ofNullable(em.find(Emergency.class, emergencyId))
        .map(emergency -> new Subject(emergency.clinicId(), emergency.patientRef()));
  }
}
