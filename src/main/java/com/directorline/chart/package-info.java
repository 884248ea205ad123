/**
 * An emergency's chart, for the clinic's EHR: one PDF that prints well (the incident record and its
 * signature, the orders, the checklist, the timeline, the consent basis, the photos) and one FHIR
 * R4 Bundle of the same facts. Every download is one EXPORT in the audit trail; a compliance
 * officer downloads only with a break-glass reason.
 *
 * <p>Out of scope: writing any of it (clinical, emergencies, photos, consent).
 */
package com.directorline.chart;
