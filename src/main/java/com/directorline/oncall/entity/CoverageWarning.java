package com.directorline.oncall.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** The clinic's day on which its admins were last warned of gaps in the roster. */
@Entity
@Table(name = "coverage_warning")
public class CoverageWarning {

  @Id
  @Column(name = "clinic_id")
  private UUID clinicId;

  @Column(name = "warned_on", nullable = false)
  private LocalDate warnedOn;

  protected CoverageWarning() {}

  public CoverageWarning(UUID clinicId, LocalDate day) {
    this.clinicId = clinicId;
    this.warnedOn = day;
  }

  /** Claims the day for a warning; false when that day was already claimed. */
  public boolean claim(LocalDate day) {
    if (!warnedOn.isBefore(day)) {
      return false;
    }
    warnedOn = day;
    return true;
  }
}
