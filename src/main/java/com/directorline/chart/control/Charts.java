package com.directorline.chart.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.control.BreakGlassReason;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.chart.entity.Chart;
import com.directorline.clinical.control.Checklists;
import com.directorline.clinical.control.IncidentRecords;
import com.directorline.clinical.control.Orders;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.control.EmergencyViews;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.followups.control.ClinicFollowUps;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.entity.Clinic;
import com.directorline.photos.control.Photos;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * Gathers an emergency's chart for whoever may download it: its participants and the clinic's
 * directors, or a compliance officer of the clinic with a break-glass reason. The download is one
 * EXPORT event; the reads it is made of are not recorded apart.
 */
@ApplicationScoped
public class Charts {

  @Inject Emergencies emergencies;
  @Inject ClinicFollowUps followUps;
  @Inject EmergencyViews views;
  @Inject Checklists checklists;
  @Inject Orders orders;
  @Inject IncidentRecords records;
  @Inject Photos photos;
  @Inject Clinics clinics;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  /**
   * How many bytes of photos the chart would carry, to admit it by memory; 0 for an emergency the
   * caller may not export (the export then answers 404, not a 503 that would tell it exists).
   */
  public long photoBytes(UUID emergencyId) {
    boolean mayExport = emergencies.findVisible(emergencyId).isPresent();
    if (!mayExport) {
      try {
        emergencies.forBreakGlass(emergencyId);
        mayExport = true;
      } catch (NotFound notOfficersEither) {
        mayExport = false;
      }
    }
    return mayExport ? photos.bytesOf(emergencyId) : 0;
  }

  /**
   * The chart, recorded as an export in the given format ("pdf" or "fhir"); the photos' bytes only
   * when asked (the PDF shows them, the FHIR bundle refers to the PDF).
   */
  @Transactional
  public Chart export(
      UUID emergencyId, String format, String breakGlassReason, boolean withPhotos) {
    Emergency emergency = emergencies.findVisible(emergencyId).orElse(null);
    AuditEvent.Draft event;
    if (emergency != null) {
      event = emergencies.access(AuditAction.EXPORT, ObjectType.CHART, emergencyId, emergency);
    } else {
      emergency = emergencies.forBreakGlass(emergencyId);
      String reason = BreakGlassReason.required(breakGlassReason, "downloads a chart");
      event =
          AuditEvent.of(AuditAction.EXPORT, ObjectType.CHART, emergencyId)
              .patient(emergency.patientRef())
              .emergency(emergency.id(), false)
              .clinic(emergency.clinicId())
              .breakGlass(reason);
    }
    Clinic clinic = clinics.byId(emergency.clinicId()).orElseThrow();
    Chart chart =
        new Chart(
            clinic.id(),
            clinic.name(),
            clinic.zone() == null ? ZoneId.of("UTC") : clinic.zone(),
            views.view(emergency),
            views.timeline(emergencies.timelineOf(emergency)),
            checklists.viewOf(emergency),
            orders.viewsOf(emergency),
            records.view(emergency),
            (withPhotos ? photos.forChart(emergency) : List.<Photos.Image>of())
                .stream()
                    .map(
                        i ->
                            new Chart.ChartPhoto(
                                i.photo().id(),
                                i.photo().contentType(),
                                i.bytes(),
                                i.photo().caption(),
                                i.photo().capturedAt(),
                                i.photo().receivedAt(),
                                i.photo().sha256(),
                                i.photo().followUpId()))
                    .toList(),
            followUps.forChart(emergency),
            clock.instant(),
            caller.username());
    trail.record(event.detail("chart." + format));
    return chart;
  }
}
