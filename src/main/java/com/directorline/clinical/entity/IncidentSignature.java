package com.directorline.clinical.entity;

import com.directorline.platform.entity.Sha256;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The incident record as the accepting director signed it: the content whole (JSON, fields in a
 * fixed order, with the emergency, the signer and the time), its SHA-256, and who signed when.
 * Never changed; the chart and the FHIR bundle are made from it, and a corrected fact is an
 * addendum.
 */
@Entity
@Table(name = "incident_signature")
public class IncidentSignature {

  @Id
  @Column(name = "emergency_id")
  private UUID emergencyId;

  @Column(nullable = false, updatable = false, length = 100000)
  private String content;

  @Column(nullable = false, updatable = false, length = 64)
  private String sha256;

  @Column(name = "signed_by", nullable = false, updatable = false)
  private UUID signedBy;

  @Column(name = "signed_at", nullable = false, updatable = false)
  private Instant signedAt;

  protected IncidentSignature() {}

  /**
   * The signature of a complete record (409 {@code record-incomplete} naming what is missing). What
   * is signed is the record's version as the director last read it.
   */
  public static IncidentSignature of(IncidentRecord record, UUID by, Instant at) {
    var missing = record.details().missingForSignature();
    if (!missing.isEmpty()) {
      throw new RecordIncomplete(missing);
    }
    IncidentSignature signature = new IncidentSignature();
    signature.emergencyId = record.emergencyId();
    signature.signedBy = by;
    signature.signedAt = at;
    signature.content =
        Json.createObjectBuilder()
            .add("emergencyId", record.emergencyId().toString())
            .add("version", record.version())
            .add("record", record.details().toJson())
            .add("signedBy", by.toString())
            .add("signedAt", at.toString())
            .build()
            .toString();
    signature.sha256 = Sha256.hex(signature.content.getBytes(StandardCharsets.UTF_8));
    return signature;
  }

  /** The record as signed. */
  public IncidentDetails details() {
    try (var reader = Json.createReader(new StringReader(content))) {
      JsonObject json = reader.readObject();
      return IncidentDetails.fromJson(json.getJsonObject("record"));
    }
  }

  /** The version of the draft that was signed. */
  public int version() {
    try (var reader = Json.createReader(new StringReader(content))) {
      return reader.readObject().getInt("version");
    }
  }

  /** True while the stored content still hashes to the stored SHA-256. */
  public boolean intact() {
    return Sha256.hex(content.getBytes(StandardCharsets.UTF_8)).equals(sha256);
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public String content() {
    return content;
  }

  public String sha256() {
    return sha256;
  }

  public UUID signedBy() {
    return signedBy;
  }

  public Instant signedAt() {
    return signedAt;
  }
}
