package com.directorline.consent.boundary;

import com.directorline.consent.control.Consents;
import com.directorline.consent.entity.Consent;
import com.directorline.consent.entity.ConsentKind;
import com.directorline.consent.entity.ConsentMethod;
import java.time.Instant;
import java.util.UUID;

/**
 * A consent and where it stands: IN_EFFECT, EXPIRED or REVOKED (with the revocation). The signature
 * image is not repeated; {@code signatureImage} says whether there is one.
 */
public record ConsentView(
    UUID id,
    UUID clinicId,
    String patientRef,
    ConsentKind kind,
    UUID consentTextId,
    String textSha256,
    GivenBy givenBy,
    boolean surrogate,
    ConsentMethod method,
    String witness,
    String signatureName,
    boolean signatureImage,
    UUID obtainedBy,
    Instant obtainedAt,
    Instant validUntil,
    String status,
    RevocationView revocation) {

  /** Who gave it. */
  public record GivenBy(String name, String relationship) {}

  /** The withdrawal. */
  public record RevocationView(UUID id, String reason, UUID revokedBy, Instant revokedAt) {}

  static ConsentView of(Consents.Standing standing, Instant now) {
    Consent c = standing.consent();
    var r = standing.revocation();
    return new ConsentView(
        c.id(),
        c.clinicId(),
        c.patientRef(),
        c.kind(),
        c.consentTextId(),
        c.textSha256(),
        new GivenBy(c.givenByName(), c.givenByRelationship()),
        c.bySurrogate(),
        c.method(),
        c.witness(),
        c.signatureName(),
        c.hasSignatureImage(),
        c.obtainedBy(),
        c.obtainedAt(),
        c.validUntil(),
        standing.status(now),
        r == null ? null : new RevocationView(r.id(), r.reason(), r.revokedBy(), r.revokedAt()));
  }
}
