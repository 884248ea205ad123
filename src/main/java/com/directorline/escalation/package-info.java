/**
 * Who is alerted when an emergency is launched, and how: each clinic's versioned escalation policy
 * (ordered steps of directors with acknowledgement timeouts in seconds, a repeat count, the
 * transfer plan), and the alert channels: the directors' live consoles (server-sent events fed from
 * the {@code alert} table, so any instance can serve any director and a reconnecting console
 * resumes with {@code Last-Event-ID}), email and signed webhooks.
 *
 * <p>Out of scope: the emergency's state and deadlines (emergencies), which call in here.
 */
package com.directorline.escalation;
