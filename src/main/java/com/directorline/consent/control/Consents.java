package com.directorline.consent.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.consent.entity.Consent;
import com.directorline.consent.entity.ConsentBasis;
import com.directorline.consent.entity.ConsentException;
import com.directorline.consent.entity.ConsentKind;
import com.directorline.consent.entity.ConsentText;
import com.directorline.consent.entity.FollowUpTask;
import com.directorline.consent.entity.InvalidConsent;
import com.directorline.consent.entity.Revocation;
import com.directorline.identity.control.Caller;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Consent texts, consents, revocations and the emergency exception, for the caller's clinics. Every
 * read and write of a patient's consent is an audit event in the same transaction.
 */
@ApplicationScoped
public class Consents {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Caller caller;
  @Inject AuditTrail audit;

  /** A consent with its revocation, if any. */
  public record Standing(Consent consent, Revocation revocation) {

    /** IN_EFFECT, EXPIRED or REVOKED at {@code at}. */
    public String status(Instant at) {
      if (revocation != null) {
        return "REVOKED";
      }
      return consent.validAt(at) ? "IN_EFFECT" : "EXPIRED";
    }
  }

  /** What an emergency rests on: a consent in effect, the exception, or nothing yet. */
  public record Basis(ConsentBasis kind, UUID consentId, String exceptionReason, Instant since) {}

  // --- texts ---------------------------------------------------------------------------------

  @Transactional
  public ConsentText newText(UUID clinicId, ConsentKind kind, String body) {
    caller.requireMemberOf(clinicId, "clinic");
    Integer latest =
        em.createQuery(
                "select max(t.version) from ConsentText t where t.clinicId = :clinic and t.kind = :kind",
                Integer.class)
            .setParameter("clinic", clinicId)
            .setParameter("kind", kind)
            .getSingleResult();
    ConsentText text =
        ConsentText.version(
            clinicId, kind, latest == null ? 1 : latest + 1, body, caller.userId(), clock);
    return store(text, kind + " version " + text.version());
  }

  /**
   * Version 1 of a demo clinic's text, written on first start, when nobody is signed in: {@code
   * author} is the clinic's first admin.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ConsentText demoVersion(UUID clinicId, ConsentKind kind, String body, UUID author) {
    return store(
        ConsentText.version(clinicId, kind, 1, body, author, clock),
        kind + " version 1 (demo data)");
  }

  private ConsentText store(ConsentText text, String detail) {
    em.persist(text);
    audit.record(
        AuditEvent.of(AuditAction.CREATE, ObjectType.CONSENT_TEXT, text.id())
            .clinic(text.clinicId())
            .purpose(Purpose.OPERATIONS)
            .detail(detail));
    return text;
  }

  public List<ConsentText> texts(UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    return em.createQuery(
            "select t from ConsentText t where t.clinicId = :clinic order by t.kind, t.version desc",
            ConsentText.class)
        .setParameter("clinic", clinicId)
        .getResultList();
  }

  // --- consents ------------------------------------------------------------------------------

  @Transactional
  public Standing record(UUID consentTextId, Consent.Given given) {
    ConsentText text =
        Optional.ofNullable(em.find(ConsentText.class, consentTextId))
            .filter(t -> caller.isMemberOf(t.clinicId()))
            .orElseThrow(
                () -> InvalidInput.of("consentTextId", "names no consent text of your clinics"));
    Consent consent;
    try {
      consent = Consent.record(text.clinicId(), given, text, caller.userId(), clock);
    } catch (InvalidConsent invalid) {
      throw InvalidInput.of(invalid.field(), invalid.getMessage());
    }
    em.persist(consent);
    audit.record(
        about(AuditAction.CREATE, consent)
            .detail(
                consent.kind()
                    + " "
                    + consent.method()
                    + (consent.bySurrogate() ? " by surrogate" : "")));
    return new Standing(consent, null);
  }

  /** The patient's consents in the clinic, newest first, with their revocations. */
  @Transactional
  public List<Standing> forPatient(UUID clinicId, String patientRef) {
    caller.requireMemberOf(clinicId, "clinic");
    List<Consent> consents =
        em.createQuery(
                "select c from Consent c where c.clinicId = :clinic and c.patientRef = :patient"
                    + " order by c.obtainedAt desc",
                Consent.class)
            .setParameter("clinic", clinicId)
            .setParameter("patient", patientRef)
            .getResultList();
    Map<UUID, Revocation> revocations = revocationsOf(consents);
    audit.record(
        AuditEvent.of(AuditAction.READ, ObjectType.CONSENT, null)
            .patient(patientRef)
            .clinic(clinicId)
            .purpose(Purpose.TREATMENT)
            .detail("consents of the patient: " + consents.size()));
    return consents.stream().map(c -> new Standing(c, revocations.get(c.id()))).toList();
  }

  @Transactional
  public Standing revoke(UUID consentId, String reason) {
    Consent consent =
        Optional.ofNullable(em.find(Consent.class, consentId))
            .filter(c -> caller.isMemberOf(c.clinicId()))
            .orElseThrow(() -> new NotFound("consent"));
    if (!revocationsOf(List.of(consent)).isEmpty()) {
      throw new Conflict("already-revoked", "This consent has already been revoked.");
    }
    Revocation revocation = Revocation.of(consent, reason, caller.userId(), clock);
    em.persist(revocation);
    audit.record(about(AuditAction.UPDATE, consent).detail("revoked"));
    return new Standing(consent, revocation);
  }

  private Map<UUID, Revocation> revocationsOf(List<Consent> consents) {
    if (consents.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery("select r from Revocation r where r.consentId in :ids", Revocation.class)
        .setParameter("ids", consents.stream().map(Consent::id).toList())
        .getResultList()
        .stream()
        .collect(Collectors.toMap(Revocation::consentId, Function.identity()));
  }

  private static AuditEvent.Draft about(AuditAction action, Consent consent) {
    return AuditEvent.of(action, ObjectType.CONSENT, consent.id())
        .patient(consent.patientRef())
        .clinic(consent.clinicId())
        .purpose(Purpose.TREATMENT);
  }

  /** The consent of this kind in effect now for the patient, if any. */
  public Optional<Consent> inEffect(UUID clinicId, String patientRef, ConsentKind kind) {
    List<Consent> candidates =
        em.createQuery(
                "select c from Consent c where c.clinicId = :clinic and c.patientRef = :patient"
                    + " and c.kind = :kind order by c.obtainedAt desc",
                Consent.class)
            .setParameter("clinic", clinicId)
            .setParameter("patient", patientRef)
            .setParameter("kind", kind)
            .getResultList();
    Map<UUID, Revocation> revoked = revocationsOf(candidates);
    Instant now = clock.instant();
    return candidates.stream()
        .filter(c -> !revoked.containsKey(c.id()) && c.validAt(now))
        .findFirst();
  }

  // --- the emergency exception ---------------------------------------------------------------

  public Optional<ConsentException> exceptionFor(UUID emergencyId) {
    return em.createQuery(
            "select x from ConsentException x where x.emergencyId = :emergency",
            ConsentException.class)
        .setParameter("emergency", emergencyId)
        .getResultStream()
        .findFirst();
  }

  /** What the emergency rests on for its consult: the exception wins, being specific to it. */
  public Basis basisFor(UUID clinicId, String patientRef, UUID emergencyId) {
    Basis none = new Basis(ConsentBasis.NOT_RECORDED, null, null, null);
    if (patientRef == null) {
      // Launched alert first: the patient is not named yet, and the exception needs the patient
      // (it opens a task to inform them), so none can exist: no query on the launch's answer.
      return none;
    }
    Optional<ConsentException> exception = exceptionFor(emergencyId);
    if (exception.isPresent()) {
      return new Basis(
          ConsentBasis.EMERGENCY_EXCEPTION,
          null,
          exception.get().reason(),
          exception.get().recordedAt());
    }
    return inEffect(clinicId, patientRef, ConsentKind.TELEHEALTH_CONSULT)
        .map(c -> new Basis(ConsentBasis.TELEHEALTH_CONSENT, c.id(), null, c.obtainedAt()))
        .orElse(none);
  }

  /**
   * Declares the exception for one emergency (the emergencies component checks who may) and opens
   * the follow-up task, in the caller's transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public ConsentException declareException(
      UUID emergencyId, UUID clinicId, String patientRef, String reason) {
    if (exceptionFor(emergencyId).isPresent()) {
      throw new Conflict(
          "exception-recorded", "The emergency exception is already recorded for this emergency.");
    }
    ConsentException exception =
        ConsentException.declare(emergencyId, clinicId, patientRef, reason, caller.userId(), clock);
    em.persist(exception);
    FollowUpTask task = FollowUpTask.informPatient(exception, clock);
    em.persist(task);
    audit.record(
        AuditEvent.of(AuditAction.CREATE, ObjectType.CONSENT_EXCEPTION, exception.id())
            .patient(patientRef)
            .emergency(emergencyId, true)
            .clinic(clinicId)
            .purpose(Purpose.TREATMENT)
            .detail("emergency exception; follow-up task " + task.id()));
    return exception;
  }
}
