package com.directorline.emergencies.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.consent.control.Consents;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EmergencyDetails;
import com.directorline.emergencies.entity.EmergencyEnded;
import com.directorline.emergencies.entity.EventType;
import com.directorline.emergencies.entity.LaunchRequest;
import com.directorline.emergencies.entity.NotParticipant;
import com.directorline.emergencies.entity.Outcome;
import com.directorline.emergencies.entity.Status;
import com.directorline.emergencies.entity.TimelineEntry;
import com.directorline.escalation.control.Alerts;
import com.directorline.escalation.control.EscalationPolicies;
import com.directorline.escalation.entity.Target;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.platform.control.ConfiguredDataSource;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.NotFound;
import com.directorline.video.control.JitsiTokens;
import com.directorline.video.entity.VideoGrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Emergencies as their participants and the escalation ticker change them. Every change runs with
 * the emergency's row locked, appends its timeline entries, and writes the alerts it causes in the
 * same transaction.
 */
@ApplicationScoped
public class Emergencies {

  @PersistenceContext EntityManager em;

  private final boolean postgres = ConfiguredDataSource.isPostgres(ConfigProvider.getConfig());
  @Inject Clock clock;
  @Inject Caller caller;
  @Inject EscalationPolicies policies;
  @Inject Alerts alerts;
  @Inject Clinics clinics;
  @Inject Users users;
  @Inject EmergencyMetrics metrics;
  @Inject AuditTrail audit;
  @Inject Consents consents;
  @Inject JitsiTokens jitsi;
  @Inject Event<EmergencyEnded> ended;

  /**
   * Launches for the caller's clinic ({@code clinicId} needed only by injectors of several
   * clinics). A repeated {@code idempotencyKey} returns the emergency it launched before.
   */
  @Transactional
  public Emergency launch(LaunchRequest report, UUID clinicId, String idempotencyKey) {
    if (idempotencyKey != null) {
      Optional<Emergency> earlier = byIdempotencyKey(idempotencyKey);
      if (earlier.isPresent()) {
        audit.record(
            access(AuditAction.READ, ObjectType.EMERGENCY, earlier.get()).detail("replay"));
        return earlier.get();
      }
    }
    UUID clinic = caller.clinicOrOnly(clinicId);
    var policy =
        policies
            .inForce(clinic)
            .orElseThrow(
                () ->
                    new Conflict(
                        "no-escalation-policy",
                        "This clinic has no escalation policy; its admin must define one."));
    Instant now = clock.instant();
    Emergency emergency =
        Emergency.launch(
            clinic,
            caller.userId(),
            report,
            policies.resolve(clinic, policy.plan(), now),
            idempotencyKey,
            now);
    em.persist(emergency);
    em.flush();
    persistTimeline(emergency);
    audit.record(access(AuditAction.CREATE, ObjectType.EMERGENCY, emergency).detail("launch"));
    metrics.launched(emergency);
    alertDirectors(emergency, emergency.targets().stream().map(Target::directorId).toList());
    return emergency;
  }

  /** The emergency an earlier request with this key launched, read as the caller. */
  @Transactional
  public Optional<Emergency> replay(String key) {
    Optional<Emergency> earlier = byIdempotencyKey(key);
    earlier.ifPresent(
        e -> audit.record(access(AuditAction.READ, ObjectType.EMERGENCY, e).detail("replay")));
    return earlier;
  }

  Optional<Emergency> byIdempotencyKey(String key) {
    return em.createQuery(
            "select e from Emergency e where e.launchedBy = :injector and e.idempotencyKey = :key",
            Emergency.class)
        .setParameter("injector", caller.userId())
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  // --- reading -------------------------------------------------------------------------------

  /** Reads one emergency for the caller, audited. */
  @Transactional
  public Emergency read(UUID id) {
    Emergency emergency = visible(id);
    audit.record(access(AuditAction.READ, ObjectType.EMERGENCY, emergency));
    return emergency;
  }

  /** The timeline of an emergency the caller may see, audited. */
  @Transactional
  public List<TimelineEntry> readTimeline(UUID id) {
    Emergency emergency = visible(id);
    audit.record(access(AuditAction.READ, ObjectType.TIMELINE, emergency));
    return timeline(emergency);
  }

  /**
   * A token for the caller to join the emergency's call: participants only, while it is accepted or
   * connected; the accepting director is the room's moderator. The grant is recorded in the same
   * transaction that makes the token, so a grant that fails leaves no success in the trail.
   */
  @Transactional
  public VideoGrant grantCall(UUID id) {
    Emergency emergency = visible(id);
    if (!emergency.isParticipant(caller.userId())) {
      throw new NotParticipant("Only the emergency's participants join its call.");
    }
    if (!emergency.callIsOpen()) {
      throw new Conflict(
          "call-closed",
          "The call is open only while the emergency is accepted; it is "
              + emergency.status()
              + ".");
    }
    User me = users.byId(caller.userId()).orElseThrow(() -> new NotFound("user"));
    boolean moderator = emergency.acceptedBy().map(me.id()::equals).orElse(false);
    VideoGrant grant =
        jitsi.grant(
            emergency.room(),
            new JitsiTokens.Participant(
                me.id().toString(), me.displayName(), me.email(), moderator));
    audit.record(access(AuditAction.CREATE, ObjectType.VIDEO_GRANT, emergency));
    return grant;
  }

  /**
   * The emergency, visible to the caller, or 404; not audited here. For another component that
   * records its own audit event (photos), and for the status pages' progress, which names no
   * patient and holds no clinical detail (everything that does is read through {@link #read}).
   */
  public Emergency forViewing(UUID id) {
    return visible(id);
  }

  /** The emergency the caller may add a photo to now: a participant, while it is open. */
  public Emergency forPhoto(UUID id) {
    Emergency emergency = visible(id);
    emergency.requirePhotographer(caller.userId());
    return emergency;
  }

  /** The photo's place in the timeline, in the upload's transaction. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void photoAdded(UUID id, UUID photoId) {
    change(id, null, emergency -> emergency.photoAdded(caller.userId(), photoId, clock.instant()));
  }

  /**
   * The emergency, visible to the caller, locked for a change the clinical record makes beside it
   * (a tick, an order, the signature): such changes and their timeline lines commit together, one
   * at a time per emergency, so two taps at once cannot both pass a "not done yet" check.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public Emergency forChange(UUID id) {
    return locked(id);
  }

  /**
   * A line of the clinical record on the emergency's timeline, by the caller, in this transaction.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void document(Emergency emergency, EventType type, String detail) {
    emergency.documented(caller.userId(), type, detail, clock.instant());
    persistTimeline(emergency);
  }

  /**
   * The audit event for the caller's access to something of this emergency (its checklist, an
   * order, the incident record): with its patient, for treatment, and whether the caller took part.
   */
  public AuditEvent.Draft access(
      AuditAction action, ObjectType object, UUID objectId, Emergency emergency) {
    UUID me = caller.userId();
    boolean tookPart = emergency.isParticipant(me) || emergency.wasAlerted(me);
    return AuditEvent.of(action, object, objectId)
        .patient(emergency.patientRef())
        .emergency(emergency.id(), tookPart)
        .clinic(emergency.clinicId())
        .purpose(Purpose.TREATMENT);
  }

  /**
   * The emergency for a compliance officer of its clinic, who sees its record only with a
   * break-glass reason that the caller records; 404 for anyone else. Not audited here.
   */
  public Emergency forBreakGlass(UUID id) {
    return Optional.ofNullable(em.find(Emergency.class, id))
        .filter(e -> caller.hasRole(Role.COMPLIANCE_OFFICER, e.clinicId()))
        .orElseThrow(() -> new NotFound("emergency"));
  }

  /**
   * The emergency if the caller may see it (a participant, a director of its clinic); unaudited.
   */
  public Optional<Emergency> findVisible(UUID id) {
    return Optional.ofNullable(em.find(Emergency.class, id)).filter(this::mayView);
  }

  /**
   * The emergencies with these ids, unchecked and unaudited: for a component that lists its own
   * records of them (follow-ups) and has checked the caller for each.
   */
  public Map<UUID, Emergency> byIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    return em.createQuery("select e from Emergency e where e.id in :ids", Emergency.class)
        .setParameter("ids", Set.copyOf(ids))
        .getResultStream()
        .collect(Collectors.toMap(Emergency::id, e -> e));
  }

  /** The timeline of an emergency the caller has been checked for; not audited here. */
  public List<TimelineEntry> timelineOf(Emergency emergency) {
    return timeline(emergency);
  }

  /** The emergency if the caller may see it: a participant, or a director of its clinic. */
  Emergency visible(UUID id) {
    return Optional.ofNullable(em.find(Emergency.class, id))
        .filter(this::mayView)
        .orElseThrow(() -> new NotFound("emergency"));
  }

  boolean mayView(Emergency emergency) {
    if (!caller.isMemberOf(emergency.clinicId())) {
      return false;
    }
    return emergency.isParticipant(caller.userId())
        || caller.hasRole(Role.DIRECTOR, emergency.clinicId());
  }

  /**
   * What the caller may list: injectors their own launches, directors their clinics'. Drills are
   * listed apart from real emergencies.
   */
  @Transactional
  public List<Emergency> list(boolean openOnly, boolean drills) {
    List<Emergency> found = find(openOnly, drills);
    // A list shows each emergency's patient: one read per patient, so the per-patient report
    // finds it.
    found.forEach(
        e -> audit.record(access(AuditAction.READ, ObjectType.EMERGENCY, e).detail("list")));
    return found;
  }

  private List<Emergency> find(boolean openOnly, boolean drills) {
    if (caller.clinicIds().isEmpty()) {
      return List.of();
    }
    // Directors see all of their clinics' emergencies, injectors their own launches: a person
    // who directs in one clinic and injects in another sees each clinic by their role there.
    Set<UUID> directing =
        caller.clinicIds().stream()
            .filter(clinic -> caller.hasRole(Role.DIRECTOR, clinic))
            .collect(Collectors.toSet());
    var query =
        em.createQuery(
                "select e from Emergency e where e.clinicId in :clinics and e.drill = :drill"
                    + " and (e.clinicId in :directing or e.launchedBy = :me)"
                    + (openOnly ? " and e.status in :open" : "")
                    + " order by e.launchedAt desc",
                Emergency.class)
            .setParameter("clinics", caller.clinicIds())
            // An empty IN list is not valid SQL everywhere; no clinic has the nil UUID.
            .setParameter("directing", directing.isEmpty() ? Set.of(NO_CLINIC) : directing)
            .setParameter("me", caller.userId())
            .setParameter("drill", drills);
    if (openOnly) {
      query.setParameter("open", List.of(Status.ALERTING, Status.ACCEPTED, Status.CONNECTED));
    }
    return query.setMaxResults(200).getResultList();
  }

  private static final UUID NO_CLINIC = new UUID(0, 0);

  private List<TimelineEntry> timeline(Emergency emergency) {
    return em.createQuery(
            "select t from TimelineEntry t where t.emergencyId = :id order by t.ordinal",
            TimelineEntry.class)
        .setParameter("id", emergency.id())
        .getResultList();
  }

  // --- changes -------------------------------------------------------------------------------

  @Transactional
  public Emergency accept(UUID id) {
    return change(
        id,
        "accept",
        emergency -> {
          try {
            emergency.accept(caller.userId(), clock.instant());
          } catch (Emergency.AlreadyAccepted taken) {
            String who =
                users.byId(taken.acceptedBy()).map(User::displayName).orElse("Another director");
            throw new Conflict(
                "already-accepted",
                who + " has already accepted this emergency at " + emergency.acceptedAt() + ".");
          }
          metrics.accepted(emergency);
          List<UUID> others =
              emergency.targets().stream()
                  .map(Target::directorId)
                  .filter(d -> !d.equals(caller.userId()))
                  .toList();
          alerts.send(others, emergency.id(), Alerts.TAKEN, data(emergency));
        });
  }

  @Transactional
  public Emergency decline(UUID id) {
    return change(
        id,
        "decline",
        emergency ->
            afterEscalation(emergency, emergency.decline(caller.userId(), clock.instant())));
  }

  @Transactional
  public Emergency cancel(UUID id) {
    return change(
        id,
        "cancel",
        emergency -> {
          emergency.cancel(caller.userId(), clock.instant());
          alerts.send(allTargets(emergency), emergency.id(), Alerts.CANCELLED, data(emergency));
        });
  }

  @Transactional
  public Emergency end(UUID id, Outcome outcome, String summary) {
    Emergency emergency =
        change(
            id, "end " + outcome, e -> e.end(caller.userId(), outcome, summary, clock.instant()));
    ended.fire(new EmergencyEnded(emergency));
    return emergency;
  }

  /**
   * The launching injector adds the patient's details after the alert went out. The audit event of
   * this change names both the emergency and the patient, which files every earlier event of the
   * emergency (launch, alerts, reads) under the patient too (AuditSearch follows that link). The
   * alerted directors' consoles are told, without the details.
   */
  @Transactional
  public Emergency addDetails(UUID id, EmergencyDetails details) {
    Emergency emergency =
        change(id, "patient details", e -> e.addDetails(caller.userId(), details, clock.instant()));
    alerts.send(allTargets(emergency), emergency.id(), Alerts.UPDATED, data(emergency));
    return emergency;
  }

  /** A participant's note (guidance given, a reassessment) appended to the timeline. */
  @Transactional
  public Emergency addNote(UUID id, String text) {
    return change(
        id, "note", emergency -> emergency.addNote(caller.userId(), text, clock.instant()));
  }

  @Transactional
  public Emergency participantJoined(UUID id) {
    return change(
        id,
        "joined the call",
        emergency -> {
          boolean wasConnected = emergency.connectedAt() != null;
          emergency.joined(caller.userId(), clock.instant());
          if (!wasConnected && emergency.connectedAt() != null) {
            metrics.connected(emergency);
          }
        });
  }

  @Transactional
  public Emergency participantLeft(UUID id) {
    return change(
        id, "left the call", emergency -> emergency.left(caller.userId(), clock.instant()));
  }

  /**
   * The emergency exception to consent, declared by the launching injector with a reason; the
   * consent component keeps it and opens the follow-up task, in this transaction.
   */
  @Transactional
  public Emergency declareConsentException(UUID id, String reason) {
    // The consent component records the one audit event (CONSENT_EXCEPTION) for this change.
    return change(
        id,
        null,
        emergency -> {
          emergency.declareConsentException(caller.userId(), clock.instant());
          consents.declareException(
              emergency.id(), emergency.clinicId(), emergency.patientRef(), reason);
        });
  }

  private Emergency change(UUID id, String what, Consumer<Emergency> action) {
    Emergency emergency = locked(id);
    action.accept(emergency);
    persistTimeline(emergency);
    if (what != null) {
      audit.record(access(AuditAction.UPDATE, ObjectType.EMERGENCY, emergency).detail(what));
    }
    return emergency;
  }

  /**
   * The emergency, locked for a change. On PostgreSQL the lock is FOR NO KEY UPDATE, the lock an
   * UPDATE of non-key columns takes itself: it does not conflict with the key-share locks that
   * inserts referencing the emergency hold until they commit (a photo, a timeline event). With FOR
   * UPDATE (what JPA's PESSIMISTIC_WRITE is) two photo uploads, each holding the key-share of its
   * photo's insert and then asking for the lock, deadlocked; and a slow insert held every change to
   * the emergency back.
   */
  private Emergency locked(UUID id) {
    Emergency emergency;
    if (postgres) {
      em.createNativeQuery("SELECT id FROM emergency WHERE id = ?1 FOR NO KEY UPDATE")
          .setParameter(1, id)
          .getResultList();
      emergency = em.find(Emergency.class, id);
      if (emergency != null) {
        em.refresh(emergency); // read after the lock, not the copy this transaction had before
      }
    } else {
      emergency = em.find(Emergency.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
    return Optional.ofNullable(emergency)
        .filter(this::mayView)
        .orElseThrow(() -> new NotFound("emergency"));
  }

  /**
   * An access by the caller to this emergency's patient data, for treatment. Whether the caller
   * took part (launched it, was alerted, accepted) is recorded as it was at that moment, for the
   * compliance officer's non-participant flag.
   */
  private AuditEvent.Draft access(AuditAction action, ObjectType object, Emergency emergency) {
    return access(action, object, emergency.id(), emergency);
  }

  // --- deadlines -----------------------------------------------------------------------------

  /** Alerting emergencies whose deadline has passed, oldest first. */
  @Transactional
  public List<UUID> due(int limit) {
    return em.createQuery(
            "select e.id from Emergency e where e.status = :alerting and e.escalation.nextDeadline <= :now"
                + " order by e.escalation.nextDeadline",
            UUID.class)
        .setParameter("alerting", Status.ALERTING)
        .setParameter("now", clock.instant())
        .setMaxResults(limit)
        .getResultList();
  }

  /**
   * Fires one due deadline. The row is locked with SKIP LOCKED and re-checked under the lock, so
   * with several instances each deadline fires exactly once; an instance that finds the row locked
   * or no longer due does nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public boolean fireIfDue(UUID id) {
    var now = clock.instant();
    @SuppressWarnings("unchecked")
    List<Object> locked =
        em.createNativeQuery(
                "select id from emergency where id = ? and status = 'ALERTING' and next_deadline <= ?"
                    + " for update skip locked")
            .setParameter(1, id)
            .setParameter(2, now.atOffset(ZoneOffset.UTC))
            .getResultList();
    if (locked.isEmpty()) {
      return false;
    }
    Emergency emergency = em.find(Emergency.class, id);
    em.refresh(emergency);
    afterEscalation(emergency, emergency.escalateIfDue(now));
    persistTimeline(emergency);
    return true;
  }

  private void afterEscalation(Emergency emergency, List<UUID> newlyAlerted) {
    alertDirectors(emergency, newlyAlerted);
    if (emergency.status() == Status.UNANSWERED) {
      alerts.send(allTargets(emergency), emergency.id(), Alerts.UNANSWERED, data(emergency));
    }
  }

  // --- helpers -------------------------------------------------------------------------------

  private void alertDirectors(Emergency emergency, List<UUID> directors) {
    alerts.send(directors, emergency.id(), Alerts.ALERT, data(emergency));
  }

  private static List<UUID> allTargets(Emergency emergency) {
    return emergency.targets().stream().map(Target::directorId).distinct().toList();
  }

  private void persistTimeline(Emergency emergency) {
    emergency.drainNewEvents().forEach(em::persist);
  }

  /** What a console is told: enough to act on, and no patient data. */
  private String data(Emergency emergency) {
    var json =
        Json.createObjectBuilder()
            .add("emergencyId", emergency.id().toString())
            .add("clinicId", emergency.clinicId().toString())
            // The clinic is in the persistence context already when the launch resolved its plan.
            .add("clinicName", clinics.byId(emergency.clinicId()).map(Clinic::name).orElse(""))
            .add("complication", emergency.complication().name())
            .add("status", emergency.status().name())
            .add("drill", emergency.isDrill())
            .add("launchedAt", emergency.launchedAt().toString())
            .add("step", emergency.step() + 1)
            .add("round", emergency.round() + 1);
    emergency.nextDeadline().ifPresent(d -> json.add("nextDeadline", d.toString()));
    return json.build().toString();
  }
}
