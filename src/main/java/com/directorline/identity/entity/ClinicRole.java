package com.directorline.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;
import java.util.UUID;

/** One role a person holds in one clinic: a row of their membership there. */
@Embeddable
public class ClinicRole {

  @Column(name = "clinic_id", nullable = false)
  private UUID clinicId;

  @Enumerated(EnumType.STRING)
  @Column(name = "role", nullable = false, length = 32)
  private Role role;

  protected ClinicRole() {}

  ClinicRole(UUID clinicId, Role role) {
    this.clinicId = Objects.requireNonNull(clinicId, "clinicId");
    this.role = Objects.requireNonNull(role, "role");
  }

  public UUID clinicId() {
    return clinicId;
  }

  public Role role() {
    return role;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ClinicRole that && clinicId.equals(that.clinicId) && role == that.role;
  }

  @Override
  public int hashCode() {
    return Objects.hash(clinicId, role);
  }
}
