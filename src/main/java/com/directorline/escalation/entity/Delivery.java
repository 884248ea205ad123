package com.directorline.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One attempt to deliver an alert by email or webhook, and how it went. Never changed. */
@Entity
@Table(name = "alert_delivery")
public class Delivery {

  public enum Channel {
    EMAIL,
    WEBHOOK
  }

  public enum Outcome {
    SENT,
    FAILED,
    SKIPPED
  }

  @Id private UUID id;

  @Column(name = "alert_seq", nullable = false, updatable = false)
  private long alertSeq;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(nullable = false, updatable = false, length = 16)
  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Column(nullable = false, updatable = false, length = 2000)
  private String target;

  @Column(nullable = false, updatable = false)
  private int attempt;

  @Column(nullable = false, updatable = false, length = 16)
  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(name = "status_code", updatable = false)
  private Integer statusCode;

  @Column(updatable = false, length = 200)
  private String error;

  @Column(name = "attempted_at", nullable = false, updatable = false)
  private Instant attemptedAt;

  protected Delivery() {}

  public Delivery(
      long alertSeq,
      UUID clinicId,
      Channel channel,
      String target,
      int attempt,
      Outcome outcome,
      Integer statusCode,
      String error,
      Instant attemptedAt) {
    this.id = UUID.randomUUID();
    this.alertSeq = alertSeq;
    this.clinicId = clinicId;
    this.channel = channel;
    this.target = target;
    this.attempt = attempt;
    this.outcome = outcome;
    this.statusCode = statusCode;
    this.error = error == null || error.length() <= 200 ? error : error.substring(0, 200);
    this.attemptedAt = attemptedAt;
  }

  public long alertSeq() {
    return alertSeq;
  }

  public Channel channel() {
    return channel;
  }

  public String target() {
    return target;
  }

  public int attempt() {
    return attempt;
  }

  public Outcome outcome() {
    return outcome;
  }

  public Integer statusCode() {
    return statusCode;
  }

  public String error() {
    return error;
  }

  public Instant attemptedAt() {
    return attemptedAt;
  }
}
