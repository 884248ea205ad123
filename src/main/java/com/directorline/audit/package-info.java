/**
 * The tamper-evident audit trail and its review.
 *
 * <p>Operations: record an access or a security event in the action's own transaction ({@code
 * AuditTrail}), or a refused or failed attempt apart from it ({@code @Audited}); chain committed
 * events in a strict sequence and sign checkpoints ({@code AuditSealing}, {@code ChainSealer});
 * verify the chain on the server or from the command line ({@code ChainVerifier}, {@code
 * VerifyCommand}); the compliance officer's search, per-patient access report, CSV and FHIR
 * exports, flags and review attestations, limited to their clinics ({@code AuditResource}).
 *
 * <p>Out of scope: deciding who may see what (each component checks access and then records it
 * here); deleting or changing events (there is no such path, and the database refuses it).
 */
package com.directorline.audit;
