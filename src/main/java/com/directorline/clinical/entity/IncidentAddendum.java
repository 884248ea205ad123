package com.directorline.clinical.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A dated correction or addition to a signed incident record, by a participant, as in a medical
 * record: the signed text stays as it was, and the addendum says what changed. Never changed.
 */
@Entity
@Table(name = "incident_addendum")
public class IncidentAddendum {

  public static final int MAX_LENGTH = 4000;

  @Id private UUID id;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(nullable = false, updatable = false, length = MAX_LENGTH)
  private String body;

  @Column(name = "written_by", nullable = false, updatable = false)
  private UUID writtenBy;

  @Column(name = "written_at", nullable = false, updatable = false)
  private Instant writtenAt;

  protected IncidentAddendum() {}

  public IncidentAddendum(IncidentSignature signed, String body, UUID by, Instant at) {
    this.id = UUID.randomUUID();
    this.emergencyId = signed.emergencyId();
    this.body = Objects.requireNonNull(body).strip();
    this.writtenBy = Objects.requireNonNull(by);
    this.writtenAt = Objects.requireNonNull(at);
  }

  public UUID id() {
    return id;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public String body() {
    return body;
  }

  public UUID writtenBy() {
    return writtenBy;
  }

  public Instant writtenAt() {
    return writtenAt;
  }
}
