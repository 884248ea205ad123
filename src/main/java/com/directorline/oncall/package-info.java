/**
 * The on-call roster: per clinic, a rotation of directors for a primary and a backup line (a
 * handoff time of day every so many days, on the rotation's own clock, so daylight saving is the
 * zone's business), overrides in which one person covers a line for a time range, who is on call at
 * an instant, the shifts of a period for a calendar, and a director handing over now.
 *
 * <p>Out of scope: alerting people (escalation resolves a step that names a line through {@code
 * Rosters.onCall} when an emergency launches), clinic settings and staff (identity).
 */
package com.directorline.oncall;
