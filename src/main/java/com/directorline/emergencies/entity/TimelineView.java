package com.directorline.emergencies.entity;

import java.time.Instant;
import java.util.UUID;

/** One line of the timeline. */
public record TimelineView(
    int ordinal, Instant at, EventType type, UUID actorId, String actor, String detail) {}
