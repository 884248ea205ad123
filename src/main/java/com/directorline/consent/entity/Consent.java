package com.directorline.consent.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A patient's (or a surrogate's) consent of one kind, to the exact text version shown, as obtained
 * by a staff member. Never changed or deleted (the database refuses it); a revocation is a record
 * of its own ({@link Revocation}).
 */
@Entity
@Table(name = "consent_record")
public class Consent {

  /** The relationship that means the patients themselves gave it. */
  public static final String SELF = "self";

  private static final String PNG_DATA_URL = "data:image/png;base64,";

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(name = "patient_ref", nullable = false, updatable = false, length = 64)
  private String patientRef;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private ConsentKind kind;

  @Column(name = "consent_text_id", nullable = false, updatable = false)
  private UUID consentTextId;

  @Column(name = "text_sha256", nullable = false, updatable = false, length = 64)
  private String textSha256;

  @Column(name = "given_by_name", nullable = false, updatable = false, length = 200)
  private String givenByName;

  @Column(name = "given_by_relationship", nullable = false, updatable = false, length = 64)
  private String givenByRelationship;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private ConsentMethod method;

  @Column(updatable = false, length = 200)
  private String witness;

  @Column(name = "signature_name", updatable = false, length = 200)
  private String signatureName;

  @Column(name = "signature_image", updatable = false, length = 60000)
  private String signatureImage;

  @Column(name = "obtained_by", nullable = false, updatable = false)
  private UUID obtainedBy;

  @Column(name = "obtained_at", nullable = false, updatable = false)
  private Instant obtainedAt;

  @Column(name = "valid_until", updatable = false)
  private Instant validUntil;

  protected Consent() {}

  /** What the staff member enters. */
  public record Given(
      String patientRef,
      ConsentKind kind,
      String givenByName,
      String relationship,
      ConsentMethod method,
      String witness,
      String signature,
      Instant validUntil) {}

  /** Records a consent to {@code text}; every rule is checked here, before anything is stored. */
  public static Consent record(
      UUID clinicId, Given given, ConsentText text, UUID obtainedBy, Clock clock) {
    Instant now = clock.instant();
    if (given.kind() != text.kind()) {
      throw new InvalidConsent(
          "consentTextId", "is a " + text.kind() + " text; this consent is " + given.kind());
    }
    if (!text.clinicId().equals(clinicId)) {
      throw new InvalidConsent("consentTextId", "belongs to another clinic");
    }
    if (given.validUntil() != null && !given.validUntil().isAfter(now)) {
      throw new InvalidConsent("validUntil", "must be in the future");
    }
    Consent consent = new Consent();
    consent.id = UUID.randomUUID();
    consent.clinicId = clinicId;
    consent.patientRef = Objects.requireNonNull(given.patientRef()).strip();
    consent.kind = given.kind();
    consent.consentTextId = text.id();
    consent.textSha256 = text.sha256();
    consent.givenByName = given.givenByName().strip();
    consent.givenByRelationship = given.relationship().strip().toLowerCase(Locale.ROOT);
    consent.method = given.method();
    consent.witness = blankToNull(given.witness());
    switch (given.method()) {
      case VERBAL_ATTESTED -> {
        if (consent.witness == null) {
          throw new InvalidConsent("witness", "is required for verbal consent");
        }
      }
      case ELECTRONIC_SIGNATURE -> consent.sign(given.signature());
      case WRITTEN -> {
        // the paper form stays with the clinic
      }
    }
    consent.obtainedBy = Objects.requireNonNull(obtainedBy);
    consent.obtainedAt = now;
    consent.validUntil = given.validUntil();
    return consent;
  }

  private void sign(String signature) {
    String value = blankToNull(signature);
    if (value == null) {
      throw new InvalidConsent(
          "signature", "is required for an electronic signature: a PNG data URL or a typed name");
    }
    if (value.startsWith(PNG_DATA_URL)) {
      byte[] png;
      try {
        png = Base64.getDecoder().decode(value.substring(PNG_DATA_URL.length()));
      } catch (IllegalArgumentException e) {
        throw new InvalidConsent("signature", "is not valid base64");
      }
      if (png.length < 8
          || (png[0] & 0xFF) != 0x89
          || png[1] != 'P'
          || png[2] != 'N'
          || png[3] != 'G') {
        throw new InvalidConsent("signature", "is not a PNG image");
      }
      if (value.length() > 60000) {
        throw new InvalidConsent("signature", "image must be at most 60000 characters");
      }
      signatureImage = value;
    } else if (value.length() > 200) {
      throw new InvalidConsent("signature", "a typed name must be at most 200 characters");
    } else {
      signatureName = value;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** In effect at {@code at}: not revoked (the caller knows) and not past its validity end. */
  public boolean validAt(Instant at) {
    return !obtainedAt.isAfter(at) && (validUntil == null || at.isBefore(validUntil));
  }

  public boolean bySurrogate() {
    return !SELF.equals(givenByRelationship);
  }

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public String patientRef() {
    return patientRef;
  }

  public ConsentKind kind() {
    return kind;
  }

  public UUID consentTextId() {
    return consentTextId;
  }

  public String textSha256() {
    return textSha256;
  }

  public String givenByName() {
    return givenByName;
  }

  public String givenByRelationship() {
    return givenByRelationship;
  }

  public ConsentMethod method() {
    return method;
  }

  public String witness() {
    return witness;
  }

  public String signatureName() {
    return signatureName;
  }

  public boolean hasSignatureImage() {
    return signatureImage != null;
  }

  public UUID obtainedBy() {
    return obtainedBy;
  }

  public Instant obtainedAt() {
    return obtainedAt;
  }

  public Instant validUntil() {
    return validUntil;
  }
}
