package com.directorline.emergencies.control;

import com.directorline.consent.control.Consents;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EmergencyProgress;
import com.directorline.emergencies.entity.EmergencyView;
import com.directorline.emergencies.entity.TimelineEntry;
import com.directorline.emergencies.entity.TimelineView;
import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.escalation.entity.Target;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Person;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Emergencies as the pages show them: with the people involved by name and phone (fetched in one
 * query for everyone a view or a list names) and the consent basis. Reads nothing of the patient
 * that the emergency does not already hold; the caller has been checked and audited by {@link
 * Emergencies}.
 */
@ApplicationScoped
public class EmergencyViews {

  @Inject Users users;
  @Inject Consents consents;

  @Transactional
  public EmergencyView view(Emergency emergency) {
    return view(emergency, users.people(peopleOf(emergency)));
  }

  @Transactional
  public List<EmergencyView> views(List<Emergency> emergencies) {
    Set<UUID> everyone = new HashSet<>();
    emergencies.forEach(e -> everyone.addAll(peopleOf(e)));
    Map<UUID, Person> people = users.people(everyone);
    return emergencies.stream().map(e -> view(e, people)).toList();
  }

  /** The view without what names or describes the patient. */
  @Transactional
  public EmergencyProgress progress(Emergency emergency) {
    return EmergencyProgress.of(view(emergency), emergency.eventCount());
  }

  @Transactional
  public List<TimelineView> timeline(List<TimelineEntry> entries) {
    Map<UUID, Person> people = users.people(entries.stream().map(TimelineEntry::actorId).toList());
    return entries.stream()
        .map(
            t ->
                new TimelineView(
                    t.ordinal(),
                    t.occurredAt(),
                    t.type(),
                    t.actorId(),
                    displayName(people, t.actorId()),
                    t.detail()))
        .toList();
  }

  private static Collection<UUID> peopleOf(Emergency e) {
    Set<UUID> ids = new HashSet<>();
    ids.add(e.launchedBy());
    e.acceptedBy().ifPresent(ids::add);
    e.targets().forEach(t -> ids.add(t.directorId()));
    e.plan().steps().forEach(step -> ids.addAll(step.directorIds()));
    return ids;
  }

  private EmergencyView view(Emergency e, Map<UUID, Person> people) {
    Consents.Basis basis = consents.basisFor(e.clinicId(), e.patientRef(), e.id());
    return new EmergencyView(
        e.id(),
        e.clinicId(),
        e.status(),
        e.complication(),
        e.patientRef(),
        e.patientInitials(),
        e.note(),
        e.isDrill(),
        e.launchedAt(),
        e.acceptedAt(),
        e.connectedAt(),
        e.endedAt(),
        people.get(e.launchedBy()),
        e.acceptedBy().map(people::get).orElse(null),
        escalation(e, people),
        basis.kind(),
        basis.consentId(),
        basis.exceptionReason(),
        e.outcome(),
        e.summary(),
        e.plan().transferPlan());
  }

  private static EmergencyView.Escalation escalation(Emergency e, Map<UUID, Person> people) {
    EscalationPlan plan = e.plan();
    return new EmergencyView.Escalation(
        plan.version(),
        e.step() + 1,
        plan.steps().size(),
        e.round() + 1,
        plan.repeat() + 1,
        e.nextDeadline().orElse(null),
        e.targets().stream().map(t -> alerted(t, people)).toList(),
        IntStream.range(0, plan.steps().size())
            .mapToObj(
                i ->
                    new EmergencyView.PlannedStep(
                        i + 1,
                        plan.step(i).directorIds().stream().map(people::get).toList(),
                        plan.step(i).timeoutSeconds()))
            .toList());
  }

  private static EmergencyView.Alerted alerted(Target t, Map<UUID, Person> people) {
    return new EmergencyView.Alerted(
        t.directorId(),
        displayName(people, t.directorId()),
        t.step() + 1,
        t.round() + 1,
        t.alertedAt(),
        t.declinedAt());
  }

  private static String displayName(Map<UUID, Person> people, UUID id) {
    return Optional.ofNullable(id).map(people::get).map(Person::displayName).orElse(null);
  }
}
