/**
 * The audit trail: one event per access to patient data and per security event, written in the
 * action's own transaction.
 *
 * <p>Operations: record an access or a security event with the action it records ({@code
 * AuditTrail.record}), or a refused or failed attempt apart from it ({@code @Audited} and its
 * interceptor, {@code AuditTrail.recordApart}). Who acts comes from the request's {@code Actor},
 * which the identity component provides; the trail imports no other business component, so every
 * component can record into it.
 *
 * <p>Out of scope: deciding who may see what (each component checks access and then records it
 * here); chaining and verifying the events (chain); searching and reviewing them (compliance);
 * deleting or changing events (there is no such path, and the database refuses it).
 */
package com.directorline.audit;
