package com.directorline.photos.control;

import com.directorline.audit.control.AuditTrail;
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
import com.directorline.platform.entity.Sha256;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.InternalServerError;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Clinical photos: checked (who, which emergency, which consent), cleaned ({@link ImageSanitizer}),
 * encrypted ({@link Envelope}) and stored in one transaction, so an upload that fails anywhere
 * leaves nothing behind; read back only after the plaintext's SHA-256 matches. Every upload, list
 * and view is an audit event.
 */
@ApplicationScoped
public class Photos {

  private static final Logger LOG = Logger.getLogger(Photos.class.getName());

  /** A reason a reviewer can act on ("complaint 2026-114 review"), not "x" or "audit". */
  static final int MIN_BREAK_GLASS_REASON = 20;

  /** What a viewer gets: the bytes and their type. */
  public record Image(Photo photo, byte[] bytes) {}

  @PersistenceContext EntityManager em;
  @Resource TransactionSynchronizationRegistry transaction;
  @Inject Clock clock;
  @Inject Caller caller;
  @Inject AuditTrail audit;
  @Inject Emergencies emergencies;
  @Inject Consents consents;
  @Inject PhotoKeys keys;

  @Inject
  @ConfigProperty(name = "directorline.photos.max-pixels", defaultValue = "25000000")
  long maxPixels;

  /** Turning a photo upright decodes it: one at a time, so a burst cannot exhaust the heap. */
  private final Semaphore decoding = new Semaphore(1);

  /**
   * Stores the photo, its content, its timeline entry and its audit event together or not at all.
   * The transaction interceptor rolls back on exceptions only and would commit after an {@link
   * Error}: an OutOfMemoryError between the photo row and its content once left a listed photo
   * without content, a false tamper alarm. So any Error marks the transaction for rollback first.
   */
  @Transactional
  public Photo upload(UUID emergencyId, byte[] upload, String caption, Instant capturedAt) {
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
      Emergency emergency, UUID followUpId, byte[] upload, String caption, Instant capturedAt) {
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

  private Photo store(UUID emergencyId, byte[] upload, String caption, Instant capturedAt) {
    Emergency emergency = emergencies.forPhoto(emergencyId);
    Photo photo = store(emergency, null, upload, caption, capturedAt);
    emergencies.photoAdded(emergencyId, photo.id());
    return photo;
  }

  private Photo store(
      Emergency emergency, UUID followUpId, byte[] upload, String caption, Instant capturedAt) {
    UUID emergencyId = emergency.id();
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
    ImageSanitizer.Clean clean = sanitize(upload);
    UUID id = UUID.randomUUID();
    // One reading of the keyset for both: it may be read again between two calls.
    PhotoKeys.Sealing sealing = keys.sealing();
    Envelope.Sealed sealed =
        sealing.envelope().seal(clean.bytes(), Envelope.associatedData(id, emergencyId));
    Photo photo =
        Photo.of(
            id,
            emergencyId,
            emergency.clinicId(),
            emergency.patientRef(),
            caller.userId(),
            new Photo.Received(
                clean.format().mediaType(),
                clean.width(),
                clean.height(),
                clean.bytes().length,
                Sha256.hex(clean.bytes()),
                capturedAt,
                caption),
            basis,
            consentId,
            clock.instant());
    if (followUpId != null) {
      photo.documenting(followUpId);
    }
    em.persist(photo);
    em.persist(
        new PhotoContent(id, sealing.primaryKeyId(), sealed.wrappedKey(), sealed.ciphertext()));
    audit.record(
        about(AuditAction.CREATE, photo, emergency)
            .detail(
                (followUpId == null ? "" : "follow-up " + followUpId + ", ")
                    + clean.format()
                    + (clean.reencoded() ? ", turned upright" : "")
                    + ", "
                    + basis));
    return photo;
  }

  private ImageSanitizer.Clean sanitize(byte[] upload) {
    ImageSanitizer sanitizer = new ImageSanitizer(maxPixels);
    decoding.acquireUninterruptibly();
    try {
      return sanitizer.sanitize(upload);
    } finally {
      decoding.release();
    }
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
  public Image view(UUID photoId, String breakGlassReason) {
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
      if (breakGlassReason == null || breakGlassReason.isBlank()) {
        throw new Forbidden(
            "break-glass-reason-required",
            "A compliance officer sees a photo only with a reason in the X-Break-Glass-Reason"
                + " header; the access is flagged for review.");
      }
      if (breakGlassReason.strip().length() < MIN_BREAK_GLASS_REASON) {
        throw InvalidInput.of(
            "X-Break-Glass-Reason",
            "must say why in a sentence of at least " + MIN_BREAK_GLASS_REASON + " characters");
      }
      event =
          AuditEvent.of(AuditAction.READ, ObjectType.PHOTO, photo.id())
              .patient(photo.patientRef())
              .emergency(photo.emergencyId(), false)
              .clinic(photo.clinicId())
              .breakGlass(breakGlassReason.strip());
    } else {
      throw new NotFound("photo");
    }
    byte[] plain = open(photo);
    audit.record(event);
    return new Image(photo, plain);
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
        .map(p -> new Image(p, open(p)))
        .toList();
  }

  /** The stored bytes of a photo, or 500 photo-integrity when they are not exactly what came in. */
  private byte[] open(Photo photo) {
    UUID photoId = photo.id();
    PhotoContent content = em.find(PhotoContent.class, photoId);
    if (content == null) {
      throw unreadable(photo, "has no stored content");
    }
    byte[] plain;
    try {
      plain =
          keys.envelope()
              .open(
                  content.wrappedKey(),
                  content.ciphertext(),
                  Envelope.associatedData(photo.id(), photo.emergencyId()));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw unreadable(photo, "does not decrypt (changed, moved or under an unknown key)");
    }
    if (!MessageDigest.isEqual(
        Sha256.hex(plain).getBytes(StandardCharsets.US_ASCII),
        photo.sha256().getBytes(StandardCharsets.US_ASCII))) {
      throw unreadable(photo, "decrypts to bytes whose SHA-256 differs from the stored one");
    }
    return plain;
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
