/**
 * Follow-ups after an emergency: the calls and visits its protocol asks for (scheduled when it
 * ends, each assigned to a person), those added by hand, and the consent-exception task (kept by
 * consent) in one list per clinic; reminders when due (the console, email, the clinic's webhook);
 * an overdue follow-up recorded in the trail for the compliance flags.
 *
 * <p>Out of scope: the protocol itself (clinical), the consent-exception task's rules (consent),
 * how alerts are delivered (escalation).
 */
package com.directorline.followups;
