package com.directorline.escalation.entity;

import java.time.Instant;
import java.util.UUID;

/** An alert as it leaves the database: what the hub sends as one server-sent event. */
public record AlertMessage(
    long seq, UUID directorId, UUID emergencyId, String event, Instant createdAt, String data) {

  public static AlertMessage of(Alert alert) {
    return new AlertMessage(
        alert.seq(),
        alert.directorId(),
        alert.emergencyId(),
        alert.event(),
        alert.createdAt(),
        alert.data());
  }
}
