package com.directorline.clinical.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.clinical.entity.Checklist;
import com.directorline.clinical.entity.ChecklistTick;
import com.directorline.clinical.entity.ChecklistView;
import com.directorline.clinical.entity.Protocol;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EventType;
import com.directorline.emergencies.entity.IllegalTransition;
import com.directorline.emergencies.entity.NotParticipant;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * An emergency's protocol as a live checklist: read by everyone who may see the emergency, ticked
 * by its participants while it goes on. Each tick is on the timeline, so the other page sees it at
 * its next poll.
 */
@ApplicationScoped
public class Checklists {

  @PersistenceContext EntityManager em;
  @Inject Emergencies emergencies;
  @Inject Protocols protocols;
  @Inject Users users;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  @Transactional
  public ChecklistView read(UUID emergencyId) {
    Emergency emergency = emergencies.forViewing(emergencyId);
    trail.record(
        emergencies.access(AuditAction.READ, ObjectType.CHECKLIST, emergency.id(), emergency));
    return view(emergency, checklistOf(emergency));
  }

  /** Ticks step {@code number} (from 1), with what was found. */
  @Transactional
  public ChecklistView tick(UUID emergencyId, int number, String finding) {
    Emergency emergency = emergencies.forChange(emergencyId);
    if (!emergency.isParticipant(caller.userId())) {
      throw new NotParticipant("Only the emergency's participants tick its checklist.");
    }
    if (!emergency.isOpen()) {
      throw new IllegalTransition(
          "The checklist is ticked while the emergency goes on; it is "
              + emergency.status()
              + ". What was done afterwards goes into a note, or an addendum once the record is"
              + " signed.");
    }
    Checklist checklist = checklistOf(emergency);
    ChecklistTick tick = checklist.tick(number, finding, caller.userId(), clock.instant());
    em.persist(tick);
    emergencies.document(emergency, EventType.CHECKLIST, checklist.describe(tick));
    trail.record(
        emergencies
            .access(AuditAction.CREATE, ObjectType.CHECKLIST, tick.id(), emergency)
            .detail("step " + number));
    List<ChecklistTick> ticks = new ArrayList<>(checklist.ticks());
    ticks.add(tick);
    return view(emergency, new Checklist(emergency.id(), checklist.protocol().orElse(null), ticks));
  }

  /** The checklist of an emergency the caller has been checked for. */
  public Checklist checklistOf(Emergency emergency) {
    Protocol protocol =
        protocols
            .inForceAt(emergency.clinicId(), emergency.complication(), emergency.launchedAt())
            .orElse(null);
    List<ChecklistTick> ticks =
        em.createQuery(
                "select t from ChecklistTick t where t.emergencyId = :emergency"
                    + " order by t.tickedAt",
                ChecklistTick.class)
            .setParameter("emergency", emergency.id())
            .getResultList();
    return new Checklist(emergency.id(), protocol, ticks);
  }

  /** The checklist of an emergency the caller has been checked for, as the pages show it. */
  public ChecklistView viewOf(Emergency emergency) {
    return view(emergency, checklistOf(emergency));
  }

  private ChecklistView view(Emergency emergency, Checklist checklist) {
    return ChecklistView.of(
        checklist,
        emergency.complication(),
        users.people(checklist.ticks().stream().map(ChecklistTick::tickedBy).toList()));
  }
}
