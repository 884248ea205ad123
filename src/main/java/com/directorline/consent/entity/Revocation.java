package com.directorline.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The withdrawal of one consent, a record of its own; the consent itself stays as it was. */
@Entity
@Table(name = "consent_revocation")
public class Revocation {

  @Id private UUID id;

  @Column(name = "consent_id", nullable = false, updatable = false)
  private UUID consentId;

  @Column(nullable = false, updatable = false, length = 500)
  private String reason;

  @Column(name = "revoked_by", nullable = false, updatable = false)
  private UUID revokedBy;

  @Column(name = "revoked_at", nullable = false, updatable = false)
  private Instant revokedAt;

  protected Revocation() {}

  public static Revocation of(Consent consent, String reason, UUID by, Clock clock) {
    Revocation revocation = new Revocation();
    revocation.id = UUID.randomUUID();
    revocation.consentId = consent.id();
    revocation.reason = Objects.requireNonNull(reason).strip();
    revocation.revokedBy = Objects.requireNonNull(by);
    revocation.revokedAt = clock.instant();
    return revocation;
  }

  public UUID id() {
    return id;
  }

  public UUID consentId() {
    return consentId;
  }

  public String reason() {
    return reason;
  }

  public UUID revokedBy() {
    return revokedBy;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
