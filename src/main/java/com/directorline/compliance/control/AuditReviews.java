package com.directorline.compliance.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.entity.FlagKind;
import com.directorline.compliance.entity.Review;
import com.directorline.identity.control.Caller;
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
import java.util.UUID;

/** Review attestations: written once, listed for the officer's clinics. */
@ApplicationScoped
public class AuditReviews {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;
  @Inject AuditSearch search;

  /** What the officer attests. */
  public record Attestation(
      UUID clinicId, Instant from, Instant to, FlagKind kind, Long eventId, String note) {}

  @Transactional
  public Review attest(Attestation a) {
    UUID clinic = caller.clinicOrOnly(a.clinicId());
    if (a.eventId() != null && !search.inScope(a.eventId())) {
      throw new NotFound("audit event");
    }
    Review review;
    try {
      review =
          Review.attest(
              clinic,
              caller.userId(),
              clock.instant(),
              a.from(),
              a.to(),
              a.kind(),
              a.eventId(),
              a.note());
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of("to", e.getMessage());
    }
    em.persist(review);
    trail.record(
        AuditEvent.of(AuditAction.CREATE, ObjectType.AUDIT_REVIEW, review.id())
            .clinic(clinic)
            .purpose(Purpose.OPERATIONS)
            .detail(a.kind() == null ? "period reviewed" : a.kind() + " reviewed"));
    return review;
  }

  /** Reviews of the caller's clinics whose period overlaps [from, to). */
  public List<Review> overlapping(Instant from, Instant to) {
    if (caller.clinicIds().isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select r from Review r where r.clinicId in :clinics and r.periodFrom < :to"
                + " and r.periodTo > :from order by r.reviewedAt desc",
            Review.class)
        .setParameter("clinics", caller.clinicIds())
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(1000)
        .getResultList();
  }
}
