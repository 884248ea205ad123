package com.directorline.followups.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.escalation.control.Alerts;
import com.directorline.followups.entity.FollowUp;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.platform.control.Workers;
import com.directorline.schema.control.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminds the assignee when a follow-up falls due (their console, email, the clinic's webhook), and
 * when it is still open past the grace records it as overdue in the trail (the compliance flags
 * find it there) and tells the assignee and the clinic's directors. From the database, so a restart
 * misses nothing; rows are locked with SKIP LOCKED, so with several instances each reminder goes
 * out once.
 */
@ApplicationScoped
public class FollowUpReminders {

  private static final Logger LOG = Logger.getLogger(FollowUpReminders.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Workers workers;
  @Inject Emergencies emergencies;
  @Inject ClinicFollowUps followUps;
  @Inject Alerts alerts;
  @Inject Users users;
  @Inject Clinics clinics;
  @Inject Clock clock;
  @Inject AuditTrail trail;
  @Inject FollowUpReminders self;

  @Inject
  @ConfigProperty(name = "directorline.follow-ups.tick-millis", defaultValue = "5000")
  long tickMillis;

  void start(@Observes SchemaMigrated migrated) {
    workers
        .dedicated(1)
        .scheduleWithFixedDelay(this::tick, 1000, tickMillis, TimeUnit.MILLISECONDS);
  }

  void tick() {
    try {
      for (UUID id : self.due()) {
        self.remind(id);
      }
      for (UUID id : self.overdue()) {
        self.flagOverdue(id);
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING, "follow-up reminders failed; retrying next tick", e.getClass().getName());
    }
  }

  @Transactional
  public List<UUID> due() {
    return em.createQuery(
            "select f.id from FollowUp f where f.completedAt is null and f.remindedAt is null"
                + " and f.dueAt <= :now order by f.dueAt",
            UUID.class)
        .setParameter("now", clock.instant())
        .setMaxResults(50)
        .getResultList();
  }

  @Transactional
  public List<UUID> overdue() {
    return em.createQuery(
            "select f.id from FollowUp f where f.completedAt is null and f.overdueAt is null"
                + " and f.dueAt <= :before order by f.dueAt",
            UUID.class)
        .setParameter("before", clock.instant().minus(followUps.grace()))
        .setMaxResults(50)
        .getResultList();
  }

  /** Reminds one due follow-up, unless another instance has it or it changed meanwhile. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void remind(UUID id) {
    Instant now = clock.instant();
    FollowUp followUp =
        lock(
            id,
            "select id from follow_up where id = ? and completed_at is null"
                + " and reminded_at is null and due_at <= ? for update skip locked",
            now);
    if (followUp == null) {
      return;
    }
    followUp.reminded(now);
    Emergency emergency = emergencyOf(followUp);
    alerts.send(
        List.of(followUp.assigneeId()),
        emergency.id(),
        Alerts.FOLLOW_UP_DUE,
        data(followUp, emergency, false));
    trail.record(
        about(AuditAction.UPDATE, ObjectType.FOLLOW_UP, followUp, emergency).detail("reminded"));
  }

  /** Records one follow-up as overdue and tells the assignee and the clinic's directors. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void flagOverdue(UUID id) {
    Instant now = clock.instant();
    FollowUp followUp =
        lock(
            id,
            "select id from follow_up where id = ? and completed_at is null"
                + " and overdue_at is null and due_at <= ? for update skip locked",
            now.minus(followUps.grace()));
    if (followUp == null) {
      return;
    }
    followUp.foundOverdue(now);
    Emergency emergency = emergencyOf(followUp);
    Set<UUID> told = new LinkedHashSet<>();
    told.add(followUp.assigneeId());
    users.acting(followUp.clinicId(), Role.DIRECTOR).stream().map(User::id).forEach(told::add);
    alerts.send(told, emergency.id(), Alerts.FOLLOW_UP_DUE, data(followUp, emergency, true));
    trail.record(
        about(AuditAction.CREATE, ObjectType.OVERDUE_FOLLOW_UP, followUp, emergency)
            .detail("due " + followUp.dueAt()));
  }

  private FollowUp lock(UUID id, String sql, Instant bound) {
    @SuppressWarnings("unchecked")
    List<Object> locked =
        em.createNativeQuery(sql)
            .setParameter(1, id)
            .setParameter(2, bound.atOffset(ZoneOffset.UTC))
            .getResultList();
    if (locked.isEmpty()) {
      return null;
    }
    FollowUp followUp = em.find(FollowUp.class, id);
    em.refresh(followUp);
    return followUp;
  }

  private Emergency emergencyOf(FollowUp followUp) {
    return emergencies.byIds(Set.of(followUp.emergencyId())).get(followUp.emergencyId());
  }

  /** What the console shows and the email and webhook are made from. */
  private String data(FollowUp followUp, Emergency emergency, boolean overdue) {
    return Json.createObjectBuilder()
        .add("followUpId", followUp.id().toString())
        .add("emergencyId", emergency.id().toString())
        .add("clinicId", followUp.clinicId().toString())
        .add("clinicName", clinics.name(followUp.clinicId()))
        .add("complication", emergency.complication().name())
        .add("drill", emergency.isDrill())
        .add("what", followUp.what())
        .add("assigneeId", followUp.assigneeId().toString())
        .add("dueAt", followUp.dueAt().toString())
        .add("overdue", overdue)
        .build()
        .toString();
  }

  private static AuditEvent.Draft about(
      AuditAction action, ObjectType type, FollowUp followUp, Emergency emergency) {
    return AuditEvent.of(action, type, followUp.id())
        .patient(emergency.patientRef())
        .emergency(emergency.id(), null)
        .clinic(followUp.clinicId())
        .purpose(Purpose.TREATMENT);
  }
}
