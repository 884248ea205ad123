package com.directorline.chart.entity;

import com.directorline.clinical.entity.ChecklistView;
import com.directorline.clinical.entity.IncidentRecordView;
import com.directorline.clinical.entity.OrderView;
import com.directorline.emergencies.entity.EmergencyView;
import com.directorline.emergencies.entity.TimelineView;
import com.directorline.followups.entity.FollowUpView;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Everything an emergency's chart shows, gathered once for the PDF and the FHIR bundle. */
public record Chart(
    UUID clinicId,
    String clinicName,
    ZoneId zone,
    EmergencyView emergency,
    List<TimelineView> timeline,
    ChecklistView checklist,
    List<OrderView> orders,
    IncidentRecordView record,
    List<ChartPhoto> photos,
    List<FollowUpView> followUps,
    Instant generatedAt,
    String generatedBy) {

  /**
   * A photo as the chart shows it: the cleaned image, its caption, times and digest, and the
   * follow-up it documents (null for one taken during the emergency).
   */
  public record ChartPhoto(
      UUID id,
      String contentType,
      byte[] bytes,
      String caption,
      Instant capturedAt,
      Instant receivedAt,
      String sha256,
      UUID followUpId) {}
}
