/**
 * Who is who: clinics, users, their roles ({@code INJECTOR}, {@code DIRECTOR}, {@code
 * COMPLIANCE_OFFICER}, {@code ADMIN}) and clinic memberships (a director may supervise several
 * clinics); sign-in with lockout, session-bound RS256 access tokens delivered as a bearer token and
 * as an HttpOnly cookie, automatic logoff (idle and absolute), logout; the admin's management of
 * clinics and users; the demo clinic on an empty database.
 *
 * <p>Tenancy rule: a caller only ever sees the clinics they belong to; anything else answers 404.
 * Every sign-in, failure, lockout, logout and account change is an audit event ({@code
 * SecurityEvents} writes it through the audit trail).
 *
 * <p>Out of scope: escalation policies (emergencies), the tamper-evident audit trail (audit).
 */
package com.directorline.identity;
