package com.directorline.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/** A director alerted at one step of one round, and whether they declined. */
@Embeddable
public class Target {

  @Column(name = "director_id", nullable = false)
  private UUID directorId;

  @Column(nullable = false)
  private int step;

  @Column(nullable = false)
  private int round;

  @Column(name = "alerted_at", nullable = false)
  private Instant alertedAt;

  @Column(name = "declined_at")
  private Instant declinedAt;

  protected Target() {}

  Target(UUID directorId, int step, int round, Instant alertedAt) {
    this.directorId = directorId;
    this.step = step;
    this.round = round;
    this.alertedAt = alertedAt;
  }

  void decline(Instant at) {
    if (declinedAt == null) {
      declinedAt = at;
    }
  }

  public UUID directorId() {
    return directorId;
  }

  public int step() {
    return step;
  }

  public int round() {
    return round;
  }

  public Instant alertedAt() {
    return alertedAt;
  }

  public Instant declinedAt() {
    return declinedAt;
  }
}
