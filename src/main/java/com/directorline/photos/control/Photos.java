package com.directorline.photos.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.control.BreakGlassReason;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.consent.control.Consents;
import com.directorline.consent.entity.ConsentKind;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.identity.control.Caller;
import com.directorline.identity.entity.Role;
import com.directorline.photos.entity.Photo;
import com.directorline.photos.entity.PhotoBasis;
import com.directorline.photos.entity.PhotoContent;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InternalServerError;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Clinical photos: received cleaned and encrypted ({@link PhotoUploads}), checked (who, which
 * emergency, which consent) and stored in one transaction, so an upload that fails anywhere leaves
 * nothing behind; read back as they are decrypted, a chunk at a time, and never served unless the
 * plaintext's SHA-256 matches. Every upload, list and view is an audit event.
 */
@ApplicationScoped
public class Photos {

  private static final Logger LOG = Logger.getLogger(Photos.class.getName());

  /** A photo with its bytes in memory: for a chart, which embeds them. */
  public record Image(Photo photo, byte[] bytes) {}

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transaction;
  @Inject Clock clock;
  @Inject Caller caller;
  @Inject AuditTrail audit;
  @Inject Emergencies emergencies;
  @Inject Consents consents;
  @Inject PhotoKeys keys;
  @Inject PhotoChunks chunks;

  /**
   * Stores the photo, its content, its timeline entry and its audit event together or not at all.
   * The transaction interceptor rolls back on exceptions only and would commit after an {@link
   * Error}: an OutOfMemoryError between the photo row and its content once left a listed photo
   * without content, a false tamper alarm. So any Error marks the transaction for rollback first.
   */
  @Transactional
  public Photo upload(
      UUID emergencyId, PhotoUploads.Received upload, String caption, Instant capturedAt) {
    try {
      return store(emergencyId, upload, caption, capturedAt);
    } catch (Error e) {
      transaction.setRollbackOnly();
      throw e;
    }
  }

  /**
   * Whether the caller may add a photo to this emergency now (a participant, while it is open, once
   * the patient's reference is known); throws the refusal.
   */
  public void requireAccepting(UUID emergencyId) {
    emergencies.forPhoto(emergencyId);
  }

  /**
   * A photo documenting a follow-up of the emergency, after it ended ("day 2: blanching resolved"),
   * stored as in {@link #upload}. Whether the caller may act on the follow-up and whether it is
   * still open was decided by the caller in this transaction, with the follow-up locked.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Photo addToFollowUp(
      Emergency emergency,
      UUID followUpId,
      PhotoUploads.Received upload,
      String caption,
      Instant capturedAt) {
    try {
      emergency.requirePatientReference("follow-up photos are");
      return store(emergency, followUpId, upload, caption, capturedAt);
    } catch (Error e) {
      transaction.setRollbackOnly();
      throw e;
    }
  }

  /** The photos documenting each of these follow-ups, oldest first; not audited (ids only). */
  public Map<UUID, List<UUID>> idsByFollowUp(Collection<UUID> followUpIds) {
    if (followUpIds.isEmpty()) {
      return Map.of();
    }
    Map<UUID, List<UUID>> ids = new HashMap<>();
    em.createQuery(
            "select p.followUpId, p.id from Photo p where p.followUpId in :ids"
                + " order by p.receivedAt",
            Object[].class)
        .setParameter("ids", followUpIds)
        .getResultList()
        .forEach(
            row -> ids.computeIfAbsent((UUID) row[0], k -> new ArrayList<>()).add((UUID) row[1]));
    return ids;
  }

  private Photo store(
      UUID emergencyId, PhotoUploads.Received upload, String caption, Instant capturedAt) {
    Emergency emergency = emergencies.forPhoto(emergencyId);
    Photo photo = store(emergency, null, upload, caption, capturedAt);
    emergencies.photoAdded(emergencyId, photo.id());
    return photo;
  }

  private Photo store(
      Emergency emergency,
      UUID followUpId,
      PhotoUploads.Received upload,
      String caption,
      Instant capturedAt) {
    UUID emergencyId = emergency.id();
    if (!upload.emergencyId().equals(emergencyId)) {
      // Its encryption is bound to the emergency it was received for.
      throw new IllegalStateException("a photo received for another emergency");
    }
    PhotoBasis basis;
    UUID consentId = null;
    if (consents.exceptionFor(emergencyId).isPresent()) {
      basis = PhotoBasis.EMERGENCY_EXCEPTION;
    } else {
      consentId =
          consents
              .inEffect(
                  emergency.clinicId(),
                  emergency.patientRef(),
                  ConsentKind.PHOTO_CAPTURE_AND_SHARING)
              .orElseThrow(
                  () ->
                      new Conflict(
                          "photo-consent-missing",
                          "No photo consent is in effect for this patient. Record the patient's"
                              + " PHOTO_CAPTURE_AND_SHARING consent, or the emergency exception"
                              + " if the patient cannot consent, then send the photo again."))
              .id();
      basis = PhotoBasis.PHOTO_CONSENT;
    }
    UUID id = upload.id();
    ImageSanitizer.Cleaned image = upload.image();
    Photo photo =
        Photo.of(
            id,
            emergencyId,
            emergency.clinicId(),
            emergency.patientRef(),
            caller.userId(),
            new Photo.Received(
                image.format().mediaType(),
                image.width(),
                image.height(),
                (int) upload.sizeBytes(),
                upload.sha256(),
                capturedAt,
                caption),
            basis,
            consentId,
            clock.instant());
    if (followUpId != null) {
      photo.documenting(followUpId);
    }
    em.persist(photo);
    em.persist(PhotoContent.streamed(id, upload.masterKeyId(), upload.wrappedKey()));
    // The chunks reference the content row, and are written on this transaction's connection.
    em.flush();
    chunks.write(id, upload.ciphertext());
    audit.record(
        about(AuditAction.CREATE, photo, emergency)
            .detail(
                (followUpId == null ? "" : "follow-up " + followUpId + ", ")
                    + image.format()
                    + (image.reencoded() ? ", turned upright" : "")
                    + ", "
                    + basis));
    return photo;
  }

  /** The emergency's photos, oldest first: for its participants and the clinic's directors. */
  @Transactional
  public List<Photo> list(UUID emergencyId) {
    Emergency emergency = emergencies.forViewing(emergencyId);
    List<Photo> photos =
        em.createQuery(
                "select p from Photo p where p.emergencyId = :emergency order by p.receivedAt",
                Photo.class)
            .setParameter("emergency", emergencyId)
            .getResultList();
    audit.record(
        AuditEvent.of(AuditAction.READ, ObjectType.PHOTO, null)
            .patient(emergency.patientRef())
            .emergency(emergency.id(), tookPart(emergency))
            .clinic(emergency.clinicId())
            .purpose(Purpose.TREATMENT)
            .detail("photo list: " + photos.size()));
    return photos;
  }

  /**
   * The image bytes: for the emergency's participants and the clinic's directors, or a compliance
   * officer of the clinic with a break-glass reason. Refuses to answer anything but the exact bytes
   * that were stored.
   */
  @Transactional
  public Shown view(UUID photoId, String breakGlassReason) {
    Photo photo =
        Optional.ofNullable(em.find(Photo.class, photoId))
            .filter(p -> caller.isMemberOf(p.clinicId()))
            .orElseThrow(() -> new NotFound("photo"));
    AuditEvent.Draft event;
    boolean treating =
        caller.hasRole(Role.DIRECTOR, photo.clinicId())
            || caller.hasRole(Role.INJECTOR, photo.clinicId());
    Emergency emergency = null;
    if (treating) {
      emergency = emergencies.forViewing(photo.emergencyId());
    }
    if (emergency != null) {
      event = about(AuditAction.READ, photo, emergency);
    } else if (caller.hasRole(Role.COMPLIANCE_OFFICER, photo.clinicId())) {
      String reason = BreakGlassReason.required(breakGlassReason, "sees a photo");
      event =
          AuditEvent.of(AuditAction.READ, ObjectType.PHOTO, photo.id())
              .patient(photo.patientRef())
              .emergency(photo.emergencyId(), false)
              .clinic(photo.clinicId())
              .breakGlass(reason);
    } else {
      throw new NotFound("photo");
    }
    Shown shown = open(photo);
    audit.record(event);
    return shown;
  }

  /** The stored size of an emergency's photos in all, for admitting a chart; not audited. */
  public long bytesOf(UUID emergencyId) {
    Long total =
        em.createQuery(
                "select sum(p.sizeBytes) from Photo p where p.emergencyId = :emergency", Long.class)
            .setParameter("emergency", emergencyId)
            .getSingleResult();
    return total == null ? 0 : total;
  }

  /**
   * The emergency's photos with their bytes, oldest first, each decrypted and checked against its
   * SHA-256: for a chart. Not audited here: the chart's export is the one event, and whether the
   * caller may see the emergency was decided before.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Image> forChart(Emergency emergency) {
    return em
        .createQuery(
            "select p from Photo p where p.emergencyId = :emergency order by p.receivedAt",
            Photo.class)
        .setParameter("emergency", emergency.id())
        .getResultList()
        .stream()
        .map(p -> new Image(p, checkedBytes(p)))
        .toList();
  }

  /**
   * The photo opened for reading after one pass over all of it, or 500 photo-integrity: a missing
   * row, a data key that does not unwrap (changed, moved, or under an unknown master key), a
   * segment that does not decrypt, or bytes whose length or SHA-256 differ from what was stored.
   * The checking pass costs a second decryption (AES-GCM runs at gigabytes a second; the network is
   * slower), and buys that a damaged photo is refused with an answer before a byte of it is sent,
   * rather than cut off part-way.
   */
  private Shown open(Photo photo) {
    Shown shown = new Shown(photo, plaintext(photo), caller.origin().correlationId());
    try (InputStream check = shown.plain.open()) {
      if (!shown.matches(check)) {
        throw unreadable(photo, "decrypts to bytes whose length or SHA-256 differ from the stored");
      }
    } catch (GeneralSecurityException | IOException e) {
      throw unreadable(photo, "does not decrypt (changed, moved or under an unknown key)");
    }
    return shown;
  }

  /**
   * The photo's bytes, for a chart, in one pass that decrypts and checks them (the chart holds them
   * whole anyway, so nothing is sent before the check ends): 500 photo-integrity as {@link #open}.
   */
  private byte[] checkedBytes(Photo photo) {
    Shown shown = new Shown(photo, plaintext(photo), caller.origin().correlationId());
    ByteArrayOutputStream all = new ByteArrayOutputStream((int) photo.sizeBytes());
    try (InputStream in = shown.plain.open()) {
      if (!shown.copyChecked(in, all)) {
        throw unreadable(photo, "decrypts to bytes whose length or SHA-256 differ from the stored");
      }
    } catch (GeneralSecurityException | IOException e) {
      throw unreadable(photo, "does not decrypt (changed, moved or under an unknown key)");
    }
    return all.toByteArray();
  }

  /** How to decrypt the photo's stored form, each time it is read. */
  private Plaintext plaintext(Photo photo) {
    PhotoContent content = em.find(PhotoContent.class, photo.id());
    if (content == null) {
      throw unreadable(photo, "has no stored content");
    }
    byte[] associatedData = Envelope.associatedData(photo.id(), photo.emergencyId());
    try {
      if (content.format() == PhotoContent.WHOLE) {
        byte[] bytes =
            keys.envelope().open(content.wrappedKey(), content.ciphertext(), associatedData);
        return () -> new ByteArrayInputStream(bytes);
      }
      Envelope envelope = keys.envelope();
      byte[] wrapped = content.wrappedKey();
      UUID photoId = photo.id();
      return () -> envelope.opening(wrapped, chunks.read(photoId), associatedData);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw unreadable(photo, "does not decrypt (changed, moved or under an unknown key)");
    }
  }

  /** The photo's plaintext, opened anew for each pass. */
  @FunctionalInterface
  interface Plaintext {
    InputStream open() throws GeneralSecurityException, IOException;
  }

  /**
   * A photo checked whole and ready to be shown: its bytes decrypted again as they are written.
   * They are checked again on the way (chunks are never changed, so this fails only if someone
   * changes the database in between): then the response is cut short, its Content-Length being the
   * photo's size so that no client takes a cut photo for a whole one, and the incident logged.
   */
  public static final class Shown {
    private final Photo photo;
    private final Plaintext plain;
    private final String correlationId;

    Shown(Photo photo, Plaintext plain, String correlationId) {
      this.photo = photo;
      this.plain = plain;
      this.correlationId = correlationId;
    }

    public Photo photo() {
      return photo;
    }

    /** Reads {@code in} to its end; true when it is the photo as stored. */
    boolean matches(InputStream in) throws IOException {
      return copyChecked(in, OutputStream.nullOutputStream());
    }

    private boolean copyChecked(InputStream in, OutputStream out) throws IOException {
      MessageDigest digest;
      try {
        digest = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
      byte[] buffer = new byte[64 * 1024];
      long count = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        digest.update(buffer, 0, n);
        count += n;
        if (count > photo.sizeBytes()) {
          return false;
        }
        out.write(buffer, 0, n);
      }
      return count == photo.sizeBytes()
          && MessageDigest.isEqual(
              HexFormat.of().formatHex(digest.digest()).getBytes(StandardCharsets.US_ASCII),
              photo.sha256().getBytes(StandardCharsets.US_ASCII));
    }

    /** Writes the photo's bytes; an IOException when its stored form changed meanwhile. */
    public void writeTo(OutputStream out) throws IOException {
      try (InputStream in = plain.open()) {
        if (!copyChecked(in, out)) {
          throw failed();
        }
      } catch (GeneralSecurityException e) {
        throw failed();
      }
    }

    private IOException failed() {
      LOG.severe(
          () ->
              "photo "
                  + photo.id()
                  + " failed its integrity check while it was sent; correlationId="
                  + correlationId);
      return new IOException("photo " + photo.id() + " failed its integrity check");
    }
  }

  private InternalServerError unreadable(Photo photo, String why) {
    LOG.severe(
        () ->
            "photo "
                + photo.id()
                + " failed its integrity check: it "
                + why
                + "; correlationId="
                + caller.origin().correlationId());
    return new InternalServerError(
        "photo-integrity",
        "This photo cannot be shown: its stored form failed the integrity check. The incident is"
            + " logged under the correlation id.");
  }

  private AuditEvent.Draft about(AuditAction action, Photo photo, Emergency emergency) {
    return AuditEvent.of(action, ObjectType.PHOTO, photo.id())
        .patient(photo.patientRef())
        .emergency(emergency.id(), tookPart(emergency))
        .clinic(photo.clinicId())
        .purpose(Purpose.TREATMENT);
  }

  private boolean tookPart(Emergency emergency) {
    return emergency.isParticipant(caller.userId()) || emergency.wasAlerted(caller.userId());
  }
}
