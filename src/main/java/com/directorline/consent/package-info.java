/**
 * Consent: the clinic's versioned consent texts (never edited; each with the SHA-256 of its words),
 * patients' consents of each kind (telehealth consult; photo capture and sharing) to the exact
 * version shown, given by the patient or a surrogate, verbally with a witness, in writing or by
 * electronic signature; revocations as records of their own; the emergency exception for one
 * emergency when the patient cannot consent, and the follow-up task it opens. Consents, texts,
 * revocations and exceptions are append-only in the database too.
 *
 * <p>Operations: {@code Consents} (texts, record, list a patient's, revoke, the basis an emergency
 * rests on, declare the exception), {@code FollowUps} (list, complete).
 *
 * <p>Out of scope: who may declare the exception for an emergency (the emergencies component checks
 * that, then calls here); photos and whether they may be taken (photos, which asks {@code
 * Consents.inEffect}).
 */
package com.directorline.consent;
