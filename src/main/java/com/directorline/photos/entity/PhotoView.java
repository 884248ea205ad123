package com.directorline.photos.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * A photo's metadata; the bytes are at {@code GET /api/photos/{id}}. {@code followUpId} names the
 * follow-up a photo documents, when it was taken for one.
 */
public record PhotoView(
    UUID id,
    UUID emergencyId,
    String contentType,
    int width,
    int height,
    int sizeBytes,
    String sha256,
    Instant capturedAt,
    Instant receivedAt,
    String caption,
    UUID uploadedBy,
    PhotoBasis consentBasis,
    UUID followUpId) {

  public static PhotoView of(Photo p) {
    return new PhotoView(
        p.id(),
        p.emergencyId(),
        p.contentType(),
        p.width(),
        p.height(),
        p.sizeBytes(),
        p.sha256(),
        p.capturedAt(),
        p.receivedAt(),
        p.caption(),
        p.uploadedBy(),
        p.consentBasis(),
        p.followUpId());
  }
}
