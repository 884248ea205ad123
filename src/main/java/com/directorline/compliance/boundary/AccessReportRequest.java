package com.directorline.compliance.boundary;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The access report's patient and period in a body, keeping the reference out of URLs. */
@Schema(
    description =
        "Whose access report, and optionally the period (ISO-8601 UTC); the body form of GET"
            + " /api/audit/patients/{patientRef}/access-report.")
public record AccessReportRequest(String patientRef, String from, String to) {}
