package com.directorline.clinical.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.clinical.entity.Protocol;
import com.directorline.clinical.entity.ProtocolFollowUp;
import com.directorline.clinical.entity.ProtocolStep;
import com.directorline.emergencies.entity.Complication;
import com.directorline.identity.control.Caller;
import com.directorline.identity.entity.Clinic;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The clinics' protocols: each change a new version, the newest in force. */
@ApplicationScoped
public class Protocols {

  @PersistenceContext EntityManager em;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  /**
   * The next version of the clinic's protocol for that complication. The clinic's row is locked
   * while the version is counted, so two directors saving at once get versions n and n+1, not a
   * clash.
   */
  @Transactional
  public Protocol publish(
      UUID clinicId,
      Complication complication,
      String title,
      List<ProtocolStep> steps,
      List<ProtocolFollowUp> followUps,
      Integer basedOnVersion) {
    caller.requireMemberOf(clinicId, "clinic");
    if (em.find(Clinic.class, clinicId, LockModeType.PESSIMISTIC_WRITE) == null) {
      throw new NotFound("clinic");
    }
    Integer latest =
        em.createQuery(
                "select max(p.version) from Protocol p where p.clinicId = :clinic"
                    + " and p.complication = :complication",
                Integer.class)
            .setParameter("clinic", clinicId)
            .setParameter("complication", complication)
            .getSingleResult();
    int current = latest == null ? 0 : latest;
    // Two people editing the same protocol: the second would silently replace the first's
    // version with one written from the older text. The clinic row lock above orders them.
    if (basedOnVersion != null && basedOnVersion != current) {
      throw new Conflict(
          "protocol-changed",
          "Version "
              + current
              + " of this protocol was published after the version "
              + basedOnVersion
              + " you started from. Read version "
              + current
              + " and make your changes to it.");
    }
    Protocol protocol =
        Protocol.version(
            clinicId,
            complication,
            current + 1,
            title,
            steps,
            followUps,
            false,
            caller.userId(),
            clock.instant());
    em.persist(protocol);
    trail.record(
        AuditEvent.of(AuditAction.CREATE, ObjectType.PROTOCOL, protocol.id())
            .clinic(clinicId)
            .purpose(Purpose.OPERATIONS)
            .detail(
                complication
                    + " version "
                    + protocol.version()
                    + ": "
                    + protocol.steps().size()
                    + " steps"));
    return protocol;
  }

  /** The version in force of each complication that has one, in the complications' order. */
  public List<Protocol> current(UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    List<Protocol> newest = new ArrayList<>();
    Set<Complication> seen = EnumSet.noneOf(Complication.class);
    for (Protocol p : all(clinicId)) {
      if (seen.add(p.complication())) {
        newest.add(p);
      }
    }
    newest.sort((a, b) -> a.complication().compareTo(b.complication()));
    return newest;
  }

  /** Every version of the protocol for that complication, newest first. */
  public List<Protocol> history(UUID clinicId, Complication complication) {
    caller.requireMemberOf(clinicId, "clinic");
    return all(clinicId).stream().filter(p -> p.complication() == complication).toList();
  }

  /**
   * The version an emergency launched at that instant follows: the newest created before it. A
   * later version never changes what a past emergency followed.
   */
  public Optional<Protocol> inForceAt(UUID clinicId, Complication complication, Instant at) {
    return em.createQuery(
            "select p from Protocol p where p.clinicId = :clinic and p.complication = :complication"
                + " and p.createdAt <= :at order by p.version desc",
            Protocol.class)
        .setParameter("clinic", clinicId)
        .setParameter("complication", complication)
        .setParameter("at", at)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private List<Protocol> all(UUID clinicId) {
    return em.createQuery(
            "select p from Protocol p where p.clinicId = :clinic"
                + " order by p.complication, p.version desc",
            Protocol.class)
        .setParameter("clinic", clinicId)
        .getResultList();
  }
}
