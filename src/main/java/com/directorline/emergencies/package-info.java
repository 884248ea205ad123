/**
 * The emergency consult: launch by the injector (idempotent), the state machine on {@link
 * com.directorline.emergencies.entity.Emergency} (alerting, accepted, connected, ended; cancelled;
 * unanswered), escalation deadlines fired from the database by {@code EscalationTicker} (exactly
 * once across instances, on time after a restart), the timeline and notes, the participants' video
 * grants, and the views the pages show ({@code EmergencyViews}: the people involved by name, the
 * consent basis; a progress view without patient data for polling).
 *
 * <p>Out of scope: how escalation moves and who is alerted through which channel (escalation), the
 * consent records (consent), photos (photos), the Jitsi token itself (video).
 */
package com.directorline.emergencies;
