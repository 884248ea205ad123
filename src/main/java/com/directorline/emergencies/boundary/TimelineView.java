package com.directorline.emergencies.boundary;

import com.directorline.emergencies.entity.EventType;
import java.time.Instant;
import java.util.UUID;

/** One line of the timeline. */
public record TimelineView(
    int ordinal, Instant at, EventType type, UUID actorId, String actor, String detail) {}
