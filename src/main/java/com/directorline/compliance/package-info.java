/**
 * The compliance officer's review of the audit trail, limited to the officer's clinics (their
 * events, and the clinic-less sign-in events of their staff): search ({@code GET
 * /api/audit/events}), CSV and FHIR R4 exports, the per-patient access report, flags (break-glass,
 * non-participant, after hours, denied, bulk reads, consent exceptions) computed from the events
 * when asked, and review attestations (append-only). Every read and export is itself an audit
 * event.
 *
 * <p>Out of scope: writing events (audit), the chain and its verification (chain).
 */
package com.directorline.compliance;
