package com.directorline.identity.entity;

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

/**
 * A sign-in or account event, written once and never changed. Carries ids and network origin, never
 * passwords or tokens; the username of a failed sign-in is kept only when the account exists,
 * because people type passwords into the username field.
 */
@Entity
@Table(name = "security_event")
public class SecurityEvent {

  @Id private UUID id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, length = 40, updatable = false)
  @Enumerated(EnumType.STRING)
  private SecurityEventType type;

  @Column(name = "actor_user_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID actorUserId;

  @Column(name = "actor_username", length = 64, updatable = false)
  private String actorUsername;

  @Column(name = "subject_user_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID subjectUserId;

  @Column(name = "clinic_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID clinicId;

  @Column(name = "client_ip", length = 64, updatable = false)
  private String clientIp;

  @Column(name = "user_agent", length = 512, updatable = false)
  private String userAgent;

  @Column(name = "correlation_id", length = 64, updatable = false)
  private String correlationId;

  @Column(length = 200, updatable = false)
  private String detail;

  protected SecurityEvent() {}

  public SecurityEvent(
      Instant occurredAt,
      SecurityEventType type,
      UUID actorUserId,
      String actorUsername,
      UUID subjectUserId,
      UUID clinicId,
      RequestOrigin origin,
      String detail) {
    this.id = UUID.randomUUID();
    this.occurredAt = occurredAt;
    this.type = type;
    this.actorUserId = actorUserId;
    this.actorUsername = actorUsername;
    this.subjectUserId = subjectUserId;
    this.clinicId = clinicId;
    this.clientIp = origin.clientIp();
    this.userAgent = cut(origin.userAgent(), 512);
    this.correlationId = origin.correlationId();
    this.detail = cut(detail, 200);
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public UUID id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public SecurityEventType type() {
    return type;
  }

  public UUID actorUserId() {
    return actorUserId;
  }

  public UUID subjectUserId() {
    return subjectUserId;
  }

  public String detail() {
    return detail;
  }
}
