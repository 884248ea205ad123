package com.directorline.consent.boundary;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whose consents, in a body so the patient reference stays out of URLs. */
@Schema(
    description =
        "The patient whose consents to list, and the clinic for staff of several clinics; the"
            + " body form of GET /api/consents?patientRef=.")
public record ConsentSearch(String patientRef, UUID clinicId) {}
