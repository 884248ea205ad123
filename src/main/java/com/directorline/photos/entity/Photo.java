package com.directorline.photos.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A clinical photo of an emergency, as metadata: who uploaded it, its cleaned size and dimensions,
 * the SHA-256 of its plaintext, when it was taken (the phone's word) and received (the server's), a
 * caption, and what allowed taking it. The bytes live encrypted in {@link PhotoContent}.
 */
@Entity
@Table(name = "photo")
public class Photo {

  @Id private UUID id;

  @Column(name = "emergency_id", nullable = false, updatable = false)
  private UUID emergencyId;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(name = "patient_ref", nullable = false, updatable = false, length = 64)
  private String patientRef;

  @Column(name = "uploaded_by", nullable = false, updatable = false)
  private UUID uploadedBy;

  @Column(name = "content_type", nullable = false, updatable = false, length = 16)
  private String contentType;

  @Column(nullable = false, updatable = false)
  private int width;

  @Column(nullable = false, updatable = false)
  private int height;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private int sizeBytes;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "captured_at", updatable = false)
  private Instant capturedAt;

  @Column(name = "received_at", nullable = false, updatable = false)
  private Instant receivedAt;

  @Column(updatable = false, length = 500)
  private String caption;

  @Enumerated(EnumType.STRING)
  @Column(name = "consent_basis", nullable = false, updatable = false, length = 32)
  private PhotoBasis consentBasis;

  @Column(name = "consent_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID consentId;

  /** The follow-up this photo documents ("day 2"), or null for one taken during the emergency. */
  @Column(name = "follow_up_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID followUpId;

  protected Photo() {}

  /** What the upload brought, after cleaning. */
  public record Received(
      String contentType,
      int width,
      int height,
      int sizeBytes,
      String sha256,
      Instant capturedAt,
      String caption) {}

  public static Photo of(
      UUID id,
      UUID emergencyId,
      UUID clinicId,
      String patientRef,
      UUID uploadedBy,
      Received received,
      PhotoBasis consentBasis,
      UUID consentId,
      Instant now) {
    Photo photo = new Photo();
    photo.id = Objects.requireNonNull(id);
    photo.emergencyId = Objects.requireNonNull(emergencyId);
    photo.clinicId = Objects.requireNonNull(clinicId);
    photo.patientRef = Objects.requireNonNull(patientRef);
    photo.uploadedBy = Objects.requireNonNull(uploadedBy);
    photo.contentType = received.contentType();
    photo.width = received.width();
    photo.height = received.height();
    photo.sizeBytes = received.sizeBytes();
    photo.sha256 = received.sha256();
    photo.capturedAt = received.capturedAt();
    photo.caption =
        received.caption() == null || received.caption().isBlank()
            ? null
            : received.caption().strip();
    photo.consentBasis = Objects.requireNonNull(consentBasis);
    photo.consentId = consentId;
    photo.receivedAt = now;
    return photo;
  }

  public UUID id() {
    return id;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public String patientRef() {
    return patientRef;
  }

  public UUID uploadedBy() {
    return uploadedBy;
  }

  public String contentType() {
    return contentType;
  }

  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  public int sizeBytes() {
    return sizeBytes;
  }

  public String sha256() {
    return sha256;
  }

  public Instant capturedAt() {
    return capturedAt;
  }

  public Instant receivedAt() {
    return receivedAt;
  }

  public String caption() {
    return caption;
  }

  public PhotoBasis consentBasis() {
    return consentBasis;
  }

  public UUID consentId() {
    return consentId;
  }

  /** Marks a new photo as taken for a follow-up; before it is stored. */
  public Photo documenting(UUID followUpId) {
    this.followUpId = Objects.requireNonNull(followUpId);
    return this;
  }

  public UUID followUpId() {
    return followUpId;
  }
}
