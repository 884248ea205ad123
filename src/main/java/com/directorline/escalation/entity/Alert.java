package com.directorline.escalation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * One message for one director's live console. {@code seq} comes from a database sequence, so it
 * orders alerts across instances and serves as the server-sent event id. The data never carries the
 * patient reference or the note: consoles fetch those through the audited API.
 */
@Entity
@Table(name = "alert")
public class Alert {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_seq")
  @SequenceGenerator(name = "alert_seq", sequenceName = "alert_seq", allocationSize = 1)
  private Long seq;

  @Column(name = "director_id", nullable = false, updatable = false)
  private UUID directorId;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(nullable = false, updatable = false, length = 32)
  private String event;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(nullable = false, updatable = false, length = 4000)
  private String data;

  protected Alert() {}

  public Alert(UUID directorId, UUID emergencyId, String event, Instant createdAt, String data) {
    this.directorId = directorId;
    this.emergencyId = emergencyId;
    this.event = event;
    this.createdAt = createdAt;
    this.data = data;
  }

  public long seq() {
    return seq;
  }

  public UUID directorId() {
    return directorId;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public String event() {
    return event;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public String data() {
    return data;
  }
}
