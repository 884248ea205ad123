/**
 * The clinical record around an emergency. So far: the clinic's written protocols, one per
 * complication, versioned (a new version never changes a past emergency: the one in force at its
 * launch is the newest created before it).
 *
 * <p>Out of scope: the emergency itself, its escalation and call (emergencies), consent (consent),
 * photos (photos). Issue 15 adds the live checklist, orders with read-back, the incident record,
 * the chart and follow-ups here.
 */
package com.directorline.clinical;
