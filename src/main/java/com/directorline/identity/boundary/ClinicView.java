package com.directorline.identity.boundary;

import com.directorline.identity.entity.Clinic;
import java.time.Instant;
import java.util.UUID;

/** A clinic as the API shows it. */
public record ClinicView(UUID id, String name, Instant createdAt) {

  static ClinicView of(Clinic clinic) {
    return new ClinicView(clinic.id(), clinic.name(), clinic.createdAt());
  }
}
