package com.directorline.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An email or webhook delivery still to make (the outbox): kept as a row, so that a delivery an
 * instance had not finished when it died is made by another. Written with the alert for its first
 * attempts on every channel, then once per channel for each retry. Until {@code dueAt} it belongs
 * to whoever wrote or claimed it; after that, any instance may claim it.
 */
@Entity
@Table(name = "pending_delivery")
public class PendingDelivery {

  @Id private UUID id;

  @Column(name = "alert_seq", nullable = false, updatable = false)
  private long alertSeq;

  /** Null for an alert's first attempts: every channel. */
  @Column(updatable = false, length = 16)
  @Enumerated(EnumType.STRING)
  private Delivery.Channel channel;

  @Column(nullable = false, updatable = false)
  private int attempt;

  @Column(name = "due_at", nullable = false)
  private Instant dueAt;

  protected PendingDelivery() {}

  private PendingDelivery(long alertSeq, Delivery.Channel channel, int attempt, Instant dueAt) {
    this.id = UUID.randomUUID();
    this.alertSeq = alertSeq;
    this.channel = channel;
    this.attempt = attempt;
    this.dueAt = dueAt;
  }

  /** An alert's first attempts on every channel, held by the writer until {@code claimedUntil}. */
  public static PendingDelivery first(long alertSeq, Instant claimedUntil) {
    return new PendingDelivery(alertSeq, null, 1, claimedUntil);
  }

  /** Attempt {@code attempt} on one channel, due at {@code dueAt}. */
  public static PendingDelivery retry(
      long alertSeq, Delivery.Channel channel, int attempt, Instant dueAt) {
    return new PendingDelivery(alertSeq, channel, attempt, dueAt);
  }

  /** Taken by an instance that makes the attempt now: nobody else takes it before {@code until}. */
  public void claim(Instant until) {
    this.dueAt = until;
  }

  public UUID id() {
    return id;
  }

  public Delivery.Channel channel() {
    return channel;
  }

  public long alertSeq() {
    return alertSeq;
  }

  public int attempt() {
    return attempt;
  }
}
