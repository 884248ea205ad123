package com.directorline.compliance.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The search's filters in a body, so that a patient reference never travels in a URL, where proxies
 * and access logs keep it. Times are ISO-8601 UTC, ids UUIDs, as in the query form.
 */
@Schema(
    description =
        "Filters of the audit search (all optional), with the page; the body form of GET"
            + " /api/audit/events, which keeps the patient reference out of URLs.")
public record AuditSearchRequest(
    String from,
    String to,
    String userId,
    String patientRef,
    String emergencyId,
    String action,
    String outcome,
    String purpose,
    Integer page,
    Integer size,
    @Schema(description = "The nextCursor of the page before: the page after it.") String after,
    @Schema(description = "For the export only: csv (default) or fhir.") String format) {

  AuditFilter filter() {
    return new AuditFilter(from, to, userId, patientRef, emergencyId, action, outcome, purpose);
  }
}
