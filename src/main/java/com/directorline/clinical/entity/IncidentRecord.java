package com.directorline.clinical.entity;

import com.directorline.problems.entity.Conflict;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The draft of an emergency's incident record, written by its participants during and after the
 * call. Each save names the version it was based on, so a save over someone else's newer words is
 * refused (409 {@code record-changed}) instead of silently losing them. Once signed, the content
 * lives on in its {@link IncidentSignature} and the draft is not changed again.
 */
@Entity
@Table(name = "incident_record")
public class IncidentRecord {

  @Id
  @Column(name = "emergency_id")
  private UUID emergencyId;

  @Column(name = "procedure_done", length = 500)
  private String procedure;

  @Column(length = 200)
  private String product;

  @Column(length = 100)
  private String lot;

  @Column(length = 100)
  private String volume;

  @Column(length = 500)
  private String sites;

  @Column(name = "treated_at")
  private Instant treatedAt;

  @Column(name = "onset_at")
  private Instant onsetAt;

  @Column(length = 4000)
  private String signs;

  @Column(name = "actions_taken", length = 8000)
  private String actionsTaken;

  @Column(name = "patient_informed")
  private Boolean patientInformed;

  @Column(name = "informed_by", length = 200)
  private String informedBy;

  @Enumerated(EnumType.STRING)
  @Column(length = 32)
  private Disposition disposition;

  @Column(name = "follow_up_plan", length = 2000)
  private String followUpPlan;

  @Column(length = 8000)
  private String notes;

  /** Counted by the record itself (not JPA's @Version): the writer names the version it read. */
  @Column(nullable = false)
  private int version;

  @Column(name = "updated_by", nullable = false)
  private UUID updatedBy;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected IncidentRecord() {}

  /** The first version of an emergency's record. */
  public static IncidentRecord first(
      UUID emergencyId, IncidentDetails details, UUID by, Instant at) {
    IncidentRecord record = new IncidentRecord();
    record.emergencyId = Objects.requireNonNull(emergencyId);
    record.set(details, by, at);
    record.version = 1;
    return record;
  }

  /**
   * The next version, written over the one the writer read ({@code basedOn}). 409 {@code
   * record-changed} when someone saved in between: their words are not overwritten unseen.
   */
  public void revise(IncidentDetails details, int basedOn, UUID by, Instant at) {
    if (basedOn != version) {
      throw new Conflict(
          "record-changed",
          "The record was changed since you opened it (it is at version "
              + version
              + "); read it again and redo your change.");
    }
    set(details, by, at);
    version++;
  }

  private void set(IncidentDetails details, UUID by, Instant at) {
    procedure = details.procedure();
    product = details.product();
    lot = details.lot();
    volume = details.volume();
    sites = details.sites();
    treatedAt = details.treatedAt();
    onsetAt = details.onsetAt();
    signs = details.signs();
    actionsTaken = details.actionsTaken();
    patientInformed = details.patientInformed();
    informedBy = details.informedBy();
    disposition = details.disposition();
    followUpPlan = details.followUpPlan();
    notes = details.notes();
    updatedBy = Objects.requireNonNull(by);
    updatedAt = Objects.requireNonNull(at);
  }

  public IncidentDetails details() {
    return new IncidentDetails(
        procedure,
        product,
        lot,
        volume,
        sites,
        treatedAt,
        onsetAt,
        signs,
        actionsTaken,
        patientInformed,
        informedBy,
        disposition,
        followUpPlan,
        notes);
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public int version() {
    return version;
  }

  public UUID updatedBy() {
    return updatedBy;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
