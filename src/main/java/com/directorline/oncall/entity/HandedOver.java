package com.directorline.oncall.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * A director handed their line over to the backup until {@code until}: fired in the transaction
 * that stores the override, so whoever tells the backup does it only once it is true.
 */
public record HandedOver(UUID clinicId, Line line, UUID from, UUID to, Instant until) {}
