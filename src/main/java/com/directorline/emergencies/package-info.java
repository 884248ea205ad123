/**
 * The emergency consult: launch by the injector (idempotent), the state machine on {@link
 * com.directorline.emergencies.entity.Emergency} (alerting, accepted, connected, ended; cancelled;
 * unanswered), escalation deadlines fired from the database by {@code EscalationTicker} (exactly
 * once across instances, on time after a restart), the timeline, and the participants' video
 * grants.
 *
 * <p>Out of scope: who is alerted and through which channel (escalation), consent and photos.
 */
package com.directorline.emergencies;
