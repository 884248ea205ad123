package com.directorline.identity.entity;

import java.util.UUID;

/**
 * A user's roles or clinics changed and their sessions stay open (they changed their own, or opened
 * a clinic): whoever keeps a copy of their rights must read them again. Fired in the transaction of
 * the change. A change to someone else's rights is a {@link RightsChanged}, which ends their
 * sessions instead.
 */
public record MembershipsChanged(UUID userId) {}
