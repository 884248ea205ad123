package com.directorline.consent.boundary;

import com.directorline.consent.entity.ConsentKind;
import com.directorline.consent.entity.ConsentText;
import java.time.Instant;
import java.util.UUID;

/** A version of a consent text, with the SHA-256 of its words. */
public record ConsentTextView(
    UUID id,
    UUID clinicId,
    ConsentKind kind,
    int version,
    String text,
    String sha256,
    Instant createdAt) {

  static ConsentTextView of(ConsentText t) {
    return new ConsentTextView(
        t.id(), t.clinicId(), t.kind(), t.version(), t.body(), t.sha256(), t.createdAt());
  }
}
