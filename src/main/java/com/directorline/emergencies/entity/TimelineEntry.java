package com.directorline.emergencies.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One line of an emergency's timeline: what happened, when, and who did it. Never changed. */
@Entity
@Table(name = "emergency_event")
public class TimelineEntry {

  @Id private UUID id;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(nullable = false, updatable = false)
  private int ordinal;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false, length = 32)
  @Enumerated(EnumType.STRING)
  private EventType type;

  @Column(name = "actor_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID actorId;

  @Column(updatable = false, length = 4000)
  private String detail;

  protected TimelineEntry() {}

  TimelineEntry(
      UUID emergencyId, int ordinal, Instant at, EventType type, UUID actorId, String detail) {
    this.id = UUID.randomUUID();
    this.emergencyId = emergencyId;
    this.ordinal = ordinal;
    this.occurredAt = at;
    this.type = type;
    this.actorId = actorId;
    this.detail = detail;
  }

  public int ordinal() {
    return ordinal;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public EventType type() {
    return type;
  }

  public UUID actorId() {
    return actorId;
  }

  public String detail() {
    return detail;
  }
}
