package com.directorline.chart.control;

import com.directorline.chart.entity.Chart;
import com.directorline.clinical.entity.ChecklistView;
import com.directorline.clinical.entity.IncidentDetails;
import com.directorline.clinical.entity.IncidentRecordView;
import com.directorline.clinical.entity.OrderView;
import com.directorline.emergencies.entity.EmergencyView;
import com.directorline.emergencies.entity.Status;
import com.directorline.followups.entity.FollowUpStatus;
import com.directorline.followups.entity.FollowUpView;
import com.directorline.identity.entity.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The chart as a FHIR R4 Bundle (a collection) for an EHR: the Patient by the clinic's reference,
 * the Practitioners, an AdverseEvent for the complication, a MedicationAdministration per order
 * read back as given, an Observation per checklist finding, a DocumentReference for the PDF and,
 * once signed, a Provenance for the director's signature. Identifiers are stable UUIDs derived from
 * the emergency, so two downloads of the same chart name the same resources.
 */
@ApplicationScoped
public class ChartFhir {

  private static final String UCUM = "http://unitsofmeasure.org";

  public String render(Chart chart, String pdfUrl) {
    EmergencyView e = chart.emergency();
    boolean drill = e.drill();
    Ids ids = new Ids(e.id());
    JsonArrayBuilder entries = Json.createArrayBuilder();
    String patient = ids.of("patient");
    entries.add(entry(patient, patient(chart), drill));
    Map<UUID, String> practitioners = new HashMap<>();
    for (Person p : new Person[] {e.injector(), e.director()}) {
      if (p != null && !practitioners.containsKey(p.id())) {
        String url = ids.of("practitioner:" + p.id());
        practitioners.put(p.id(), url);
        entries.add(entry(url, practitioner(p), drill));
      }
    }
    String document = ids.of("document");
    String adverse = ids.of("adverse-event");
    IncidentDetails treated = chart.record().record();
    String product = null;
    if (treated.product() != null || treated.lot() != null) {
      // What was injected, and its lot: the suspect of the adverse event.
      product = ids.of("product");
      JsonObjectBuilder medication =
          Json.createObjectBuilder()
              .add("resourceType", "Medication")
              .add(
                  "code",
                  text(treated.product() == null ? "Product not named" : treated.product()));
      if (treated.lot() != null) {
        medication.add("batch", Json.createObjectBuilder().add("lotNumber", treated.lot()));
      }
      entries.add(entry(product, medication, drill));
    }
    entries.add(
        entry(adverse, adverseEvent(chart, patient, practitioners, document, product), drill));
    for (OrderView o : chart.orders()) {
      if ("GIVEN".equals(o.status())) {
        entries.add(
            entry(
                ids.of("order:" + o.id()),
                administration(o, patient, practitioners, words(e.complication().name())),
                drill));
      }
    }
    for (ChecklistView.ChecklistStep step : chart.checklist().steps()) {
      int n = 0;
      for (ChecklistView.ChecklistTickView tick : step.ticks()) {
        n++;
        if (tick.finding() != null) {
          entries.add(
              entry(
                  ids.of("finding:" + step.step() + ":" + n),
                  observation(step, tick, patient, practitioners),
                  drill));
        }
      }
    }
    for (FollowUpView f : chart.followUps()) {
      entries.add(
          entry(ids.of("follow-up:" + f.id()), task(f, patient, adverse, practitioners), drill));
    }
    entries.add(entry(document, documentReference(chart, patient, practitioners, pdfUrl), drill));
    IncidentRecordView record = chart.record();
    if (record.signature() != null) {
      entries.add(
          entry(ids.of("provenance"), provenance(record, adverse, document, practitioners), drill));
    }
    return Json.createObjectBuilder()
        .add("resourceType", "Bundle")
        .add(
            "identifier",
            Json.createObjectBuilder()
                .add("system", "urn:ietf:rfc:3986")
                .add("value", "urn:uuid:" + e.id()))
        .add("type", "collection")
        .add("timestamp", instant(chart.generatedAt()))
        .add("entry", entries)
        .build()
        .toString();
  }

  /**
   * A drill's resources carry the HL7 security label HTEST (test health data), so an EHR that
   * imports them files them as practice, never into a patient's real record.
   */
  private static JsonObjectBuilder drillTag() {
    return Json.createObjectBuilder()
        .add(
            "tag",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("system", "http://terminology.hl7.org/CodeSystem/v3-ActReason")
                        .add("code", "HTEST")
                        .add("display", "test health data")));
  }

  private static JsonObject entry(String fullUrl, JsonObjectBuilder resource, boolean drill) {
    if (drill) {
      resource.add("meta", drillTag());
    }
    return Json.createObjectBuilder().add("fullUrl", fullUrl).add("resource", resource).build();
  }

  private static JsonObjectBuilder patient(Chart chart) {
    EmergencyView e = chart.emergency();
    JsonObjectBuilder patient = Json.createObjectBuilder().add("resourceType", "Patient");
    if (e.patientRef() != null) {
      // The clinic's own reference (its MRN), in the namespace of that clinic.
      patient.add(
          "identifier",
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add("system", "urn:uuid:" + chart.clinicId())
                      .add("value", e.patientRef())));
    }
    return patient;
  }

  private static JsonObjectBuilder practitioner(Person p) {
    JsonObjectBuilder practitioner =
        Json.createObjectBuilder()
            .add("resourceType", "Practitioner")
            .add(
                "name",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("text", p.displayName())));
    if (p.phone() != null && !p.phone().isBlank()) {
      practitioner.add(
          "telecom",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("system", "phone").add("value", p.phone())));
    }
    return practitioner;
  }

  private static JsonObjectBuilder adverseEvent(
      Chart chart,
      String patient,
      Map<UUID, String> practitioners,
      String document,
      String product) {
    EmergencyView e = chart.emergency();
    IncidentDetails r = chart.record().record();
    JsonObjectBuilder event =
        Json.createObjectBuilder()
            .add("resourceType", "AdverseEvent")
            .add(
                "identifier",
                Json.createObjectBuilder()
                    .add("system", "urn:ietf:rfc:3986")
                    .add("value", "urn:uuid:" + e.id()))
            // A cancelled emergency (a false alarm, or handled without the director) is recorded
            // as a potential adverse event, not an actual one.
            .add("actuality", e.status() == Status.CANCELLED ? "potential" : "actual")
            .add("event", text(words(e.complication().name())))
            .add("subject", reference(patient))
            .add("date", instant(r.onsetAt() == null ? e.launchedAt() : r.onsetAt()))
            .add("detected", instant(e.launchedAt()))
            .add("referenceDocument", Json.createArrayBuilder().add(reference(document)));
    if (chart.record().signature() != null) {
      event.add("recordedDate", instant(chart.record().signature().signedAt()));
    }
    if (product != null) {
      event.add(
          "suspectEntity",
          Json.createArrayBuilder()
              .add(Json.createObjectBuilder().add("instance", reference(product))));
    }
    if (e.injector() != null) {
      event.add("recorder", reference(practitioners.get(e.injector().id())));
    }
    if (e.outcome() != null) {
      String code =
          switch (e.outcome()) {
            case RESOLVED_ON_SITE -> "resolved";
            case TRANSFERRED -> "ongoing";
            case OTHER -> "unknown";
          };
      event.add(
          "outcome",
          Json.createObjectBuilder()
              .add(
                  "coding",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add(
                                  "system",
                                  "http://terminology.hl7.org/CodeSystem/adverse-event-outcome")
                              .add("code", code))));
    }
    return event;
  }

  private static JsonObjectBuilder administration(
      OrderView o, String patient, Map<UUID, String> practitioners, String reason) {
    JsonObjectBuilder dosage =
        Json.createObjectBuilder()
            .add("text", o.summary())
            .add("route", text(o.routeLabel()))
            .add(
                "dose",
                Json.createObjectBuilder()
                    .add("value", o.dose())
                    .add("unit", o.unitLabel())
                    .add("system", UCUM)
                    .add("code", o.unit().ucum()));
    if (o.site() != null) {
      dosage.add("site", text(o.site()));
    }
    JsonObjectBuilder administration =
        Json.createObjectBuilder()
            .add("resourceType", "MedicationAdministration")
            .add("status", "completed")
            .add("medicationCodeableConcept", text(o.medication()))
            .add("subject", reference(patient))
            .add("effectiveDateTime", instant(o.givenAt()))
            // R4 allows only a Condition, Observation or DiagnosticReport as the reason's
            // reference, so the adverse event is named in words.
            .add(
                "reasonCode",
                Json.createArrayBuilder().add(text("Treatment of the adverse event: " + reason)))
            .add("dosage", dosage);
    JsonArrayBuilder performers = Json.createArrayBuilder();
    if (practitioners.containsKey(o.confirmedById())) {
      performers.add(
          Json.createObjectBuilder().add("actor", reference(practitioners.get(o.confirmedById()))));
    }
    administration.add("performer", performers);
    JsonArrayBuilder notes =
        Json.createArrayBuilder()
            .add(
                Json.createObjectBuilder()
                    .add(
                        "text",
                        "Ordered by "
                            + o.orderedByName()
                            + " at "
                            + instant(o.orderedAt())
                            + "; read back by "
                            + o.confirmedByName()
                            + " at "
                            + instant(o.confirmedAt())
                            + "."));
    if (o.note() != null) {
      notes.add(Json.createObjectBuilder().add("text", o.note()));
    }
    return administration.add("note", notes);
  }

  private static JsonObjectBuilder observation(
      ChecklistView.ChecklistStep step,
      ChecklistView.ChecklistTickView tick,
      String patient,
      Map<UUID, String> practitioners) {
    JsonObjectBuilder observation =
        Json.createObjectBuilder()
            .add("resourceType", "Observation")
            .add("status", "final")
            .add("code", text(step.text()))
            .add("subject", reference(patient))
            .add("effectiveDateTime", instant(tick.at()))
            .add("valueString", tick.finding());
    String by = practitioners.get(tick.byId());
    if (by != null) {
      observation.add("performer", Json.createArrayBuilder().add(reference(by)));
    }
    return observation;
  }

  /**
   * A follow-up as a Task: planned (requested) until done (completed, with the outcome as a note);
   * due by the end of its restriction period; focused on the adverse event it follows.
   */
  private static JsonObjectBuilder task(
      FollowUpView f, String patient, String adverse, Map<UUID, String> practitioners) {
    boolean done = f.status() == FollowUpStatus.DONE;
    JsonObjectBuilder task =
        Json.createObjectBuilder()
            .add("resourceType", "Task")
            .add("status", done ? "completed" : "requested")
            .add("intent", "plan")
            .add("description", f.what())
            .add("focus", reference(adverse))
            .add("for", reference(patient))
            .add(
                "restriction",
                Json.createObjectBuilder()
                    .add("period", Json.createObjectBuilder().add("end", instant(f.dueAt()))));
    String owner = practitioners.get(f.assigneeId());
    task.add(
        "owner",
        owner != null
            ? reference(owner)
            : Json.createObjectBuilder()
                .add("display", f.assigneeName() == null ? "Unknown" : f.assigneeName()));
    if (done) {
      task.add("lastModified", instant(f.completedAt()))
          .add("executionPeriod", Json.createObjectBuilder().add("end", instant(f.completedAt())))
          .add(
              "note",
              Json.createArrayBuilder()
                  .add(
                      Json.createObjectBuilder()
                          .add("time", instant(f.completedAt()))
                          .add("text", f.outcome())));
    }
    return task;
  }

  private static JsonObjectBuilder documentReference(
      Chart chart, String patient, Map<UUID, String> practitioners, String pdfUrl) {
    JsonObjectBuilder document =
        Json.createObjectBuilder()
            .add("resourceType", "DocumentReference")
            .add("status", "current")
            .add("docStatus", chart.record().signature() != null ? "final" : "preliminary")
            .add("type", text("Emergency chart"))
            .add("subject", reference(patient))
            .add("date", instant(chart.generatedAt()))
            .add(
                "description",
                "DirectorLine chart of emergency " + chart.emergency().id() + " (PDF)")
            .add(
                "content",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add(
                                "attachment",
                                Json.createObjectBuilder()
                                    .add("contentType", "application/pdf")
                                    .add("url", pdfUrl)
                                    .add("title", "Emergency chart")
                                    .add("creation", instant(chart.generatedAt())))));
    EmergencyView e = chart.emergency();
    JsonArrayBuilder authors = Json.createArrayBuilder();
    for (Person p : new Person[] {e.injector(), e.director()}) {
      if (p != null) {
        authors.add(reference(practitioners.get(p.id())));
      }
    }
    return document.add("author", authors);
  }

  private static JsonObjectBuilder provenance(
      IncidentRecordView record, String adverse, String document, Map<UUID, String> practitioners) {
    IncidentRecordView.SignatureView s = record.signature();
    String signer = practitioners.get(s.signedById());
    return Json.createObjectBuilder()
        .add("resourceType", "Provenance")
        .add("target", Json.createArrayBuilder().add(reference(adverse)).add(reference(document)))
        .add("recorded", instant(s.signedAt()))
        .add(
            "reason",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add(
                            "text",
                            "Incident record version "
                                + record.version()
                                + " signed; SHA-256 "
                                + s.sha256())))
        .add(
            "agent",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add(
                            "type",
                            Json.createObjectBuilder()
                                .add(
                                    "coding",
                                    Json.createArrayBuilder()
                                        .add(
                                            Json.createObjectBuilder()
                                                .add(
                                                    "system",
                                                    "http://terminology.hl7.org/CodeSystem/provenance-participant-type")
                                                .add("code", "attester")
                                                .add("display", "Attester"))))
                        .add("who", reference(signer))))
        .add(
            "signature",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add(
                            "type",
                            Json.createArrayBuilder()
                                .add(
                                    Json.createObjectBuilder()
                                        .add("system", "urn:iso-astm:E1762-95:2013")
                                        .add("code", "1.2.840.10065.1.12.1.1")
                                        .add("display", "Author's Signature")))
                        .add("when", instant(s.signedAt()))
                        .add("who", reference(signer))));
  }

  private static JsonObjectBuilder reference(String fullUrl) {
    return Json.createObjectBuilder().add("reference", fullUrl);
  }

  private static JsonObjectBuilder text(String text) {
    return Json.createObjectBuilder().add("text", text);
  }

  private static String instant(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS).toString();
  }

  private static String words(String constant) {
    String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  /** Stable urn:uuid full URLs, derived from the emergency and the resource's role in it. */
  private record Ids(UUID emergency) {
    String of(String role) {
      return "urn:uuid:"
          + UUID.nameUUIDFromBytes(
              ("directorline-chart:" + emergency + ":" + role).getBytes(StandardCharsets.UTF_8));
    }
  }
}
