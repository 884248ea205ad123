/**
 * Clinical photos of an emergency: taken by its participants once the patient's photo consent or
 * the emergency exception stands, recognised as JPEG or PNG by content, cleaned of location and
 * every other metadata (and turned upright) by {@code ImageSanitizer}, encrypted at rest under a
 * fresh data key wrapped by the master keyset ({@code Envelope}, Tink AES-256-GCM, bound to the
 * photo and its emergency), and shown only when the plaintext's SHA-256 matches the one stored at
 * upload: to the participants and the clinic's directors, or to a compliance officer with a
 * break-glass reason. Every upload, list and view is an audit event. Master key rotation without
 * downtime: {@code PhotoKeysCommand} ({@code target/directorline-photo-keys.jar}).
 *
 * <p>Out of scope: whether the emergency is open and who its participants are (emergencies), which
 * consent is in effect (consent).
 */
package com.directorline.photos;
