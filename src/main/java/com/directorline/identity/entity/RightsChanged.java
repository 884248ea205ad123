package com.directorline.identity.entity;

import java.util.UUID;

/**
 * A user's roles, clinics, password or activity changed: whatever they signed in with before must
 * stop working. Fired in the transaction of the change; the sessions component ends the user's open
 * sessions there, so the change and the revocation commit together.
 */
public record RightsChanged(UUID userId) {}
