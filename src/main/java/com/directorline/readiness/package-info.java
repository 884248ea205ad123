/**
 * Whether a clinic is ready for an emergency: the checklist its admin and directors see (an active
 * director, a roster without gaps in the next week, an escalation policy, a transfer plan with a
 * number to call, current consent texts, a recent drill), each item saying what is there or what is
 * missing, in plain words.
 *
 * <p>Out of scope: changing any of it (each belongs to its own component), and warning anyone (the
 * roster's coverage warnings do that for gaps).
 */
package com.directorline.readiness;
