/**
 * Who is who: clinics, users, their roles ({@code INJECTOR}, {@code DIRECTOR}, {@code
 * COMPLIANCE_OFFICER}, {@code ADMIN}) and clinic memberships (a director may supervise several
 * clinics); who is calling now ({@code Caller}, the trail's {@code Actor}); the admin's management
 * of clinics and users; password policy and hashing; the first clinic on an empty database.
 *
 * <p>Tenancy rule: a caller only ever sees the clinics they belong to; anything else answers 404.
 * Every account change is an audit event ({@code SecurityEvents} writes it through the trail); a
 * change of rights fires {@code RightsChanged}, on which the sessions component ends the user's
 * open sessions.
 *
 * <p>Out of scope: signing in, sessions and tokens (sessions), escalation policies (escalation),
 * the tamper-evident audit trail (audit).
 */
package com.directorline.identity;
