package com.directorline.clinical.boundary;

import com.directorline.clinical.entity.Disposition;
import com.directorline.clinical.entity.IncidentDetails;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The fields of an incident record as a save sends them; every field may be empty in a draft. */
@Schema(
    description =
        "The incident record: the procedure, product and lot, volume, sites, the time of the"
            + " treatment and of the onset, the signs, what was done, whether the patient was"
            + " informed and by whom, the disposition, the follow-up plan, notes.")
public record IncidentDraft(
    @Size(max = 500, message = "must be at most 500 characters") String procedure,
    @Size(max = 200, message = "must be at most 200 characters") String product,
    @Size(max = 100, message = "must be at most 100 characters") String lot,
    @Size(max = 100, message = "must be at most 100 characters") String volume,
    @Size(max = 500, message = "must be at most 500 characters") String sites,
    Instant treatedAt,
    Instant onsetAt,
    @Size(max = 4000, message = "must be at most 4000 characters") String signs,
    @Size(max = 8000, message = "must be at most 8000 characters") String actionsTaken,
    Boolean patientInformed,
    @Size(max = 200, message = "must be at most 200 characters") String informedBy,
    Disposition disposition,
    @Size(max = 2000, message = "must be at most 2000 characters") String followUpPlan,
    @Size(max = 8000, message = "must be at most 8000 characters") String notes) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public IncidentDraft(
      String procedure,
      String product,
      String lot,
      String volume,
      String sites,
      Instant treatedAt,
      Instant onsetAt,
      String signs,
      String actionsTaken,
      Boolean patientInformed,
      String informedBy,
      Disposition disposition,
      String followUpPlan,
      String notes) {
    this.procedure = procedure;
    this.product = product;
    this.lot = lot;
    this.volume = volume;
    this.sites = sites;
    this.treatedAt = treatedAt;
    this.onsetAt = onsetAt;
    this.signs = signs;
    this.actionsTaken = actionsTaken;
    this.patientInformed = patientInformed;
    this.informedBy = informedBy;
    this.disposition = disposition;
    this.followUpPlan = followUpPlan;
    this.notes = notes;
  }

  IncidentDetails details() {
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

  @Override
  public String toString() {
    // The record describes the patient: never in a log line.
    return "IncidentDraft[…]";
  }
}
