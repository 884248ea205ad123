package com.directorline.identity.boundary;

import com.directorline.identity.entity.Clinic;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A clinic as the API shows it. */
public record ClinicView(
    UUID id,
    String name,
    Instant createdAt,
    String timeZone,
    List<ClinicSettings.Span> hours,
    String address,
    ClinicSettings.EmergencyDepartment nearestEd,
    List<ClinicSettings.TransferPlanLine> transferPlan) {

  static ClinicView of(Clinic clinic) {
    return new ClinicView(
        clinic.id(),
        clinic.name(),
        clinic.createdAt(),
        clinic.zone().getId(),
        clinic.hours().stream()
            .map(h -> new ClinicSettings.Span(h.day(), h.opens().toString(), h.closes().toString()))
            .toList(),
        clinic.address(),
        clinic.nearestEdName() == null
            ? null
            : new ClinicSettings.EmergencyDepartment(
                clinic.nearestEdName(), clinic.nearestEdPhone()),
        clinic.transferPlan().stream()
            .map(line -> new ClinicSettings.TransferPlanLine(line.text(), line.phone()))
            .toList());
  }
}
