package com.directorline.followups.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.clinical.control.Protocols;
import com.directorline.clinical.entity.ProtocolFollowUp;
import com.directorline.consent.control.FollowUps;
import com.directorline.consent.entity.FollowUpTask;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EmergencyEnded;
import com.directorline.emergencies.entity.IllegalTransition;
import com.directorline.emergencies.entity.Status;
import com.directorline.followups.entity.FollowUp;
import com.directorline.followups.entity.FollowUpSource;
import com.directorline.followups.entity.FollowUpStatus;
import com.directorline.followups.entity.FollowUpView;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Person;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.PhotoUploads;
import com.directorline.photos.control.Photos;
import com.directorline.photos.entity.PhotoView;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A clinic's follow-ups: scheduled from the protocol when an emergency ends, added, changed and
 * completed by its people; listed with the consent-exception tasks. Directors see all of their
 * clinic's; an injector those assigned to them or following emergencies they launched.
 */
@ApplicationScoped
public class ClinicFollowUps {

  /** How far ahead a follow-up may be set: a year. */
  static final Duration FURTHEST = Duration.ofDays(366);

  /** The consent-exception task's words on the list. */
  static final String INFORM_PATIENT =
      "Tell the patient about the emergency exception and ask for their consent.";

  @PersistenceContext EntityManager em;
  @Inject Emergencies emergencies;
  @Inject Protocols protocols;
  @Inject FollowUps consentTasks;
  @Inject Users users;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;
  @Inject Photos photos;

  @Inject
  @ConfigProperty(name = "directorline.follow-ups.overdue-after-seconds", defaultValue = "14400")
  long graceSeconds;

  /**
   * The protocol's follow-ups, scheduled in the transaction that ends the emergency, each assigned
   * to the injector who launched it (who knows the patient); a director reassigns them.
   */
  void onEnded(@Observes EmergencyEnded ended) {
    Emergency emergency = ended.emergency();
    List<ProtocolFollowUp> planned =
        protocols
            .inForceAt(emergency.clinicId(), emergency.complication(), emergency.launchedAt())
            .map(p -> p.followUps())
            .orElse(List.of());
    for (ProtocolFollowUp step : planned) {
      FollowUp followUp =
          FollowUp.schedule(
              emergency.clinicId(),
              emergency.id(),
              step.text(),
              emergency.endedAt().plus(Duration.ofHours(step.afterHours())),
              emergency.launchedBy(),
              null,
              clock.instant());
      em.persist(followUp);
      trail.record(
          about(AuditAction.CREATE, followUp.id(), emergency)
              .detail("scheduled from the protocol: after " + step.afterHours() + " h"));
    }
  }

  /** Which to list: open (the default), scheduled, due (due or overdue), overdue, done, all. */
  public enum Filter {
    OPEN(EnumSet.of(FollowUpStatus.SCHEDULED, FollowUpStatus.DUE, FollowUpStatus.OVERDUE)),
    SCHEDULED(EnumSet.of(FollowUpStatus.SCHEDULED)),
    DUE(EnumSet.of(FollowUpStatus.DUE, FollowUpStatus.OVERDUE)),
    OVERDUE(EnumSet.of(FollowUpStatus.OVERDUE)),
    DONE(EnumSet.of(FollowUpStatus.DONE)),
    ALL(EnumSet.allOf(FollowUpStatus.class));

    private final Set<FollowUpStatus> statuses;

    Filter(Set<FollowUpStatus> statuses) {
      this.statuses = statuses;
    }
  }

  @Transactional
  public List<FollowUpView> list(UUID clinicId, Filter filter) {
    caller.requireMemberOf(clinicId, "clinic");
    Instant now = clock.instant();
    List<FollowUp> own =
        em.createQuery(
                "select f from FollowUp f where f.clinicId = :clinic order by f.dueAt",
                FollowUp.class)
            .setParameter("clinic", clinicId)
            .setMaxResults(2000)
            .getResultList();
    List<FollowUpTask> tasks = consentTasks.inClinic(clinicId);
    Set<UUID> emergencyIds = new HashSet<>();
    own.forEach(f -> emergencyIds.add(f.emergencyId()));
    tasks.forEach(t -> emergencyIds.add(t.emergencyId()));
    Map<UUID, Emergency> byId = emergencies.byIds(emergencyIds);
    boolean director = caller.hasRole(Role.DIRECTOR, clinicId);
    UUID me = caller.userId();
    List<FollowUpView> views = new ArrayList<>();
    Set<UUID> people = new HashSet<>();
    record ListedFollowUp(FollowUpView view, Emergency emergency) {}
    List<ListedFollowUp> rows = new ArrayList<>();
    for (FollowUp f : own) {
      Emergency e = byId.get(f.emergencyId());
      if (e != null && (director || f.assigneeId().equals(me) || e.launchedBy().equals(me))) {
        FollowUpStatus status = f.status(now, grace());
        if (filter.statuses.contains(status)) {
          rows.add(new ListedFollowUp(view(f, e, status), e));
          people.add(f.assigneeId());
          Optional.ofNullable(f.completedBy()).ifPresent(people::add);
        }
      }
    }
    for (FollowUpTask t : tasks) {
      Emergency e = byId.get(t.emergencyId());
      if (e != null && (director || e.launchedBy().equals(me))) {
        FollowUpStatus status = statusOf(t, now);
        if (filter.statuses.contains(status)) {
          rows.add(new ListedFollowUp(task(t, e, status), e));
          people.add(e.launchedBy());
          Optional.ofNullable(t.completedBy()).ifPresent(people::add);
        }
      }
    }
    Map<UUID, Person> names = users.people(people);
    Map<UUID, List<UUID>> photoIds =
        photos.idsByFollowUp(rows.stream().map(r -> r.view().id()).toList());
    for (ListedFollowUp row : rows) {
      views.add(named(row.view(), names, photoIds));
      trail.record(
          about(AuditAction.READ, row.view().id(), row.emergency()).detail("follow-up list"));
    }
    views.sort(Comparator.comparing(FollowUpView::dueAt));
    return views;
  }

  /**
   * The emergency's follow-ups (with the consent-exception task), by due time, for its chart. Not
   * audited here: the chart's export is the one event, and whether the caller may see the emergency
   * was decided before.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<FollowUpView> forChart(Emergency emergency) {
    Instant now = clock.instant();
    List<FollowUpView> views = new ArrayList<>();
    em.createQuery(
            "select f from FollowUp f where f.emergencyId = :emergency order by f.dueAt",
            FollowUp.class)
        .setParameter("emergency", emergency.id())
        .getResultList()
        .forEach(f -> views.add(view(f, emergency, f.status(now, grace()))));
    consentTasks.inClinic(emergency.clinicId()).stream()
        .filter(t -> t.emergencyId().equals(emergency.id()))
        .forEach(t -> views.add(task(t, emergency, statusOf(t, now))));
    Set<UUID> people = new HashSet<>();
    for (FollowUpView v : views) {
      people.add(v.assigneeId());
      Optional.ofNullable(v.completedById()).ifPresent(people::add);
    }
    Map<UUID, Person> names = users.people(people);
    Map<UUID, List<UUID>> photoIds =
        photos.idsByFollowUp(views.stream().map(FollowUpView::id).toList());
    return views.stream()
        .map(v -> named(v, names, photoIds))
        .sorted(Comparator.comparing(FollowUpView::dueAt))
        .toList();
  }

  /** A follow-up added by hand: participants and the clinic's directors. */
  @Transactional
  public FollowUpView add(UUID emergencyId, String what, Instant dueAt, UUID assigneeId) {
    Emergency emergency = emergencies.forViewing(emergencyId);
    if (emergency.status() == Status.CANCELLED) {
      throw new IllegalTransition("A cancelled emergency has no follow-ups.");
    }
    Instant now = clock.instant();
    requireDueAt(dueAt, now);
    UUID assignee = assigneeId == null ? caller.userId() : assigneeId;
    requireAssignable(assignee, emergency.clinicId());
    FollowUp followUp =
        FollowUp.schedule(
            emergency.clinicId(), emergency.id(), what, dueAt, assignee, caller.userId(), now);
    em.persist(followUp);
    trail.record(about(AuditAction.CREATE, followUp.id(), emergency).detail("added"));
    return present(followUp, emergency);
  }

  /** A new time, person or task: the assignee or a director of the clinic. */
  @Transactional
  public FollowUpView change(UUID id, String what, Instant dueAt, UUID assigneeId) {
    if (em.find(FollowUp.class, id) == null && consentTasks.find(id).isPresent()) {
      throw new Conflict(
          "consent-task",
          "This is the consent-exception task: it is due at once and is completed, not moved.");
    }
    FollowUp followUp = locked(id);
    Emergency emergency = emergencyOf(followUp);
    requireMayAct(followUp);
    if (dueAt != null) {
      requireDueAt(dueAt, clock.instant());
    }
    if (assigneeId != null) {
      requireAssignable(assigneeId, followUp.clinicId());
    }
    followUp.change(what, dueAt, assigneeId);
    trail.record(about(AuditAction.UPDATE, followUp.id(), emergency).detail("changed"));
    return present(followUp, emergency);
  }

  /**
   * Done, with the outcome: the assignee or a director of the clinic. A consent-exception task is
   * completed by consent's rules.
   */
  @Transactional
  public FollowUpView complete(UUID id, String outcome) {
    FollowUp followUp = em.find(FollowUp.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (followUp == null || !caller.isMemberOf(followUp.clinicId())) {
      Optional<FollowUpTask> task = consentTasks.find(id);
      if (task.isEmpty()) {
        throw new NotFound("follow-up");
      }
      // As on the list: the clinic's directors and the injector who launched the emergency.
      Emergency of =
          emergencies.byIds(Set.of(task.get().emergencyId())).get(task.get().emergencyId());
      if (!caller.hasRole(Role.DIRECTOR, task.get().clinicId())
          && !of.launchedBy().equals(caller.userId())) {
        throw new Forbidden(
            "not-assignee",
            "Only the injector who launched the emergency, or a director, completes this task.");
      }
      FollowUpTask done = consentTasks.complete(id, outcome);
      Emergency e = emergencies.byIds(Set.of(done.emergencyId())).get(done.emergencyId());
      Set<UUID> ids = new HashSet<>(List.of(e.launchedBy(), done.completedBy()));
      return named(task(done, e, FollowUpStatus.DONE), users.people(ids));
    }
    Emergency emergency = emergencyOf(followUp);
    requireMayAct(followUp);
    followUp.complete(caller.userId(), outcome, clock.instant());
    trail.record(about(AuditAction.UPDATE, followUp.id(), emergency).detail("completed"));
    return present(followUp, emergency);
  }

  /**
   * Whether the caller may add a photo to this follow-up now (its assignee or a director, while it
   * is open); throws the refusal before a byte of the photo is read. Answers the emergency the
   * photo will belong to.
   */
  @Transactional
  public UUID requireAcceptingPhoto(UUID id) {
    FollowUp followUp = photographed(id, false);
    Emergency emergency = emergencyOf(followUp);
    emergency.requirePatientReference("follow-up photos are");
    return emergency.id();
  }

  /**
   * A photo documenting the follow-up ("day 2: blanching resolved"), stored with the emergency's
   * photos under the same consent rule; the follow-up stays locked until it is stored, so a photo
   * cannot land on a follow-up completed meanwhile.
   */
  @Transactional
  public PhotoView addPhoto(
      UUID id, PhotoUploads.Received upload, String caption, Instant capturedAt) {
    FollowUp followUp = photographed(id, true);
    return PhotoView.of(
        photos.addToFollowUp(emergencyOf(followUp), id, upload, caption, capturedAt));
  }

  private FollowUp photographed(UUID id, boolean lock) {
    FollowUp followUp =
        Optional.ofNullable(
                lock
                    ? em.find(FollowUp.class, id, LockModeType.PESSIMISTIC_WRITE)
                    : em.find(FollowUp.class, id))
            .filter(f -> caller.isMemberOf(f.clinicId()))
            .orElse(null);
    if (followUp == null) {
      if (consentTasks.find(id).filter(t -> caller.isMemberOf(t.clinicId())).isPresent()) {
        throw new Conflict(
            "consent-task",
            "The consent-exception task is completed with a note; photos belong to the"
                + " emergency or to a follow-up.");
      }
      throw new NotFound("follow-up");
    }
    requireMayAct(followUp);
    followUp.requireOpen();
    return followUp;
  }

  /** A consent-exception task is due at once and overdue after the same grace. */
  private FollowUpStatus statusOf(FollowUpTask t, Instant now) {
    if (!t.isOpen()) {
      return FollowUpStatus.DONE;
    }
    return now.isBefore(t.openedAt().plus(grace())) ? FollowUpStatus.DUE : FollowUpStatus.OVERDUE;
  }

  /** How long after its due time an open follow-up turns overdue. */
  public Duration grace() {
    return Duration.ofSeconds(graceSeconds);
  }

  private FollowUp locked(UUID id) {
    return Optional.ofNullable(em.find(FollowUp.class, id, LockModeType.PESSIMISTIC_WRITE))
        .filter(f -> caller.isMemberOf(f.clinicId()))
        .orElseThrow(() -> new NotFound("follow-up"));
  }

  private Emergency emergencyOf(FollowUp followUp) {
    return emergencies.byIds(Set.of(followUp.emergencyId())).get(followUp.emergencyId());
  }

  private void requireMayAct(FollowUp followUp) {
    if (!followUp.assigneeId().equals(caller.userId())
        && !caller.hasRole(Role.DIRECTOR, followUp.clinicId())) {
      throw new Forbidden(
          "not-assignee", "Only the person it is assigned to, or a director, may do this.");
    }
  }

  private void requireDueAt(Instant dueAt, Instant now) {
    if (dueAt.isBefore(now.minus(Duration.ofDays(1)))) {
      throw InvalidInput.of("dueAt", "must not be more than a day in the past");
    }
    if (dueAt.isAfter(now.plus(FURTHEST))) {
      throw InvalidInput.of("dueAt", "must be within a year");
    }
  }

  private void requireAssignable(UUID assignee, UUID clinicId) {
    if (!users.acts(assignee, Role.DIRECTOR, clinicId)
        && !users.acts(assignee, Role.INJECTOR, clinicId)) {
      throw InvalidInput.of(
          "assigneeId", "must be an active director or injector of the emergency's clinic");
    }
  }

  private FollowUpView present(FollowUp followUp, Emergency emergency) {
    Set<UUID> ids = new HashSet<>();
    ids.add(followUp.assigneeId());
    Optional.ofNullable(followUp.completedBy()).ifPresent(ids::add);
    return named(
        view(followUp, emergency, followUp.status(clock.instant(), grace())), users.people(ids));
  }

  private FollowUpView view(FollowUp f, Emergency e, FollowUpStatus status) {
    return new FollowUpView(
        f.id(),
        f.createdBy() == null ? FollowUpSource.PROTOCOL : FollowUpSource.MANUAL,
        f.clinicId(),
        e.id(),
        e.complication(),
        e.isDrill(),
        e.patientRef(),
        e.patientInitials(),
        f.what(),
        f.dueAt(),
        f.dueAt().plus(grace()),
        status,
        f.assigneeId(),
        null,
        f.completedAt(),
        f.completedBy(),
        null,
        f.outcome(),
        List.of());
  }

  private FollowUpView task(FollowUpTask t, Emergency e, FollowUpStatus status) {
    return new FollowUpView(
        t.id(),
        FollowUpSource.CONSENT_EXCEPTION,
        t.clinicId(),
        e.id(),
        e.complication(),
        e.isDrill(),
        t.patientRef(),
        e.patientInitials(),
        INFORM_PATIENT,
        t.openedAt(),
        t.openedAt().plus(grace()),
        status,
        e.launchedBy(),
        null,
        t.completedAt(),
        t.completedBy(),
        null,
        t.note(),
        List.of());
  }

  private FollowUpView named(FollowUpView v, Map<UUID, Person> names) {
    return named(v, names, photos.idsByFollowUp(List.of(v.id())));
  }

  private static FollowUpView named(
      FollowUpView v, Map<UUID, Person> names, Map<UUID, List<UUID>> photoIds) {
    return v.with(
        name(names, v.assigneeId()),
        name(names, v.completedById()),
        photoIds.getOrDefault(v.id(), List.of()));
  }

  private static String name(Map<UUID, Person> names, UUID id) {
    Person p = id == null ? null : names.get(id);
    return p == null ? null : p.displayName();
  }

  private AuditEvent.Draft about(AuditAction action, UUID followUpId, Emergency emergency) {
    return AuditEvent.of(action, ObjectType.FOLLOW_UP, followUpId)
        .patient(emergency.patientRef())
        // Follow-ups are the clinic's care after the emergency, not a read of its live record:
        // whether the person took part in it is not the question here.
        .emergency(emergency.id(), null)
        .clinic(emergency.clinicId())
        .purpose(Purpose.TREATMENT);
  }
}
