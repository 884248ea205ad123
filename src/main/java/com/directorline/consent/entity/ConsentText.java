package com.directorline.consent.entity;

import com.directorline.platform.entity.Sha256;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of a clinic's consent text of one kind. Never changed: a new wording is the next
 * version, so a consent always points at the exact words the patient was shown, and the stored
 * SHA-256 proves them.
 */
@Entity
@Table(name = "consent_text")
public class ConsentText {

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private ConsentKind kind;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(nullable = false, updatable = false, length = 20000)
  private String body;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private UUID createdBy;

  protected ConsentText() {}

  /** The next version of the clinic's text of this kind. */
  public static ConsentText version(
      UUID clinicId, ConsentKind kind, int version, String body, UUID author, Clock clock) {
    ConsentText text = new ConsentText();
    text.id = UUID.randomUUID();
    text.clinicId = Objects.requireNonNull(clinicId);
    text.kind = Objects.requireNonNull(kind);
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1");
    }
    text.version = version;
    text.body = Objects.requireNonNull(body);
    text.sha256 = Sha256.hex(body);
    text.createdAt = clock.instant();
    text.createdBy = Objects.requireNonNull(author);
    return text;
  }

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public ConsentKind kind() {
    return kind;
  }

  public int version() {
    return version;
  }

  public String body() {
    return body;
  }

  public String sha256() {
    return sha256;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
