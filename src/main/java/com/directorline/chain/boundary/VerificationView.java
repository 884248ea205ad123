package com.directorline.chain.boundary;

import java.time.Instant;

/**
 * The chain's verdict: OK with the counts, or BROKEN at the first broken position with what is
 * wrong. {@code pending} events are committed but not chained yet (the sealer runs every fraction
 * of a second); {@code sealerFailingSince} is set while the sealer fails, and then they wait.
 * {@code outsideCopies}: how many checkpoint copies kept outside the database the chain was held to
 * (null when none are configured). Retention: events are kept at least {@code retentionYears}; the
 * oldest one is kept at least until {@code oldestKeptUntil}.
 */
public record VerificationView(
    String status,
    long events,
    long checkpoints,
    Long firstBrokenSeq,
    String problem,
    long pending,
    Instant sealerFailingSince,
    Integer outsideCopies,
    Instant lastCheckpointAt,
    Instant checkedAt,
    String keyId,
    int retentionYears,
    Instant oldestEventAt,
    Instant oldestKeptUntil) {}
