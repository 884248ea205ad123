/**
 * Who is alerted when an emergency is launched, and how: each clinic's versioned escalation policy
 * (ordered steps of directors with acknowledgement timeouts in seconds, a repeat count, the
 * transfer plan), the rules that move an emergency's escalation from step to step and round to
 * round ({@code Escalation}, embedded in the emergency), and the alert channels: the directors'
 * live consoles (server-sent events fed from the {@code alert} table, so any instance can serve any
 * director and a reconnecting console resumes with {@code Last-Event-ID}), email and signed
 * webhooks with recorded, retried deliveries.
 *
 * <p>Out of scope: the emergency's own state and when its deadlines are checked (emergencies),
 * which calls in here.
 */
package com.directorline.escalation;
