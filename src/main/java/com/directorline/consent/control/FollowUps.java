package com.directorline.consent.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.consent.entity.FollowUpTask;
import com.directorline.identity.control.Caller;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The follow-up tasks of the caller's clinics: listed, and completed with a note. */
@ApplicationScoped
public class FollowUps {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Caller caller;
  @Inject AuditTrail audit;

  @Transactional
  public List<FollowUpTask> list(boolean openOnly) {
    if (caller.clinicIds().isEmpty()) {
      return List.of();
    }
    List<FollowUpTask> tasks =
        em.createQuery(
                "select t from FollowUpTask t where t.clinicId in :clinics"
                    + (openOnly ? " and t.completedAt is null" : "")
                    + " order by t.openedAt desc",
                FollowUpTask.class)
            .setParameter("clinics", caller.clinicIds())
            .setMaxResults(500)
            .getResultList();
    tasks.forEach(t -> audit.record(about(AuditAction.READ, t).detail("list")));
    return tasks;
  }

  /**
   * Every task of one clinic the caller belongs to, newest first, not audited here: the list that
   * shows them with the clinic's other follow-ups records each read.
   */
  public List<FollowUpTask> inClinic(UUID clinicId) {
    if (!caller.isMemberOf(clinicId)) {
      return List.of();
    }
    return em.createQuery(
            "select t from FollowUpTask t where t.clinicId = :clinic order by t.openedAt desc",
            FollowUpTask.class)
        .setParameter("clinic", clinicId)
        .setMaxResults(500)
        .getResultList();
  }

  /** The task, if it is one of the caller's clinics'; not audited. */
  public Optional<FollowUpTask> find(UUID id) {
    return Optional.ofNullable(em.find(FollowUpTask.class, id))
        .filter(t -> caller.isMemberOf(t.clinicId()));
  }

  @Transactional
  public FollowUpTask complete(UUID id, String note) {
    FollowUpTask task =
        Optional.ofNullable(em.find(FollowUpTask.class, id, LockModeType.PESSIMISTIC_WRITE))
            .filter(t -> caller.isMemberOf(t.clinicId()))
            .orElseThrow(() -> new NotFound("follow-up task"));
    try {
      task.complete(caller.userId(), note, clock);
    } catch (FollowUpTask.AlreadyCompleted done) {
      throw new Conflict(
          "task-completed", "This task was completed at " + task.completedAt() + ".");
    }
    audit.record(about(AuditAction.UPDATE, task).detail("completed"));
    return task;
  }

  private static AuditEvent.Draft about(AuditAction action, FollowUpTask task) {
    return AuditEvent.of(action, ObjectType.FOLLOW_UP_TASK, task.id())
        .patient(task.patientRef())
        .clinic(task.clinicId())
        .purpose(Purpose.TREATMENT);
  }
}
