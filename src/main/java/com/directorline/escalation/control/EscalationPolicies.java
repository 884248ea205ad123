package com.directorline.escalation.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.escalation.entity.EscalationPolicy;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.oncall.control.Rosters;
import com.directorline.oncall.entity.Line;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** The clinics' escalation policies: each change a new version, the newest in force. */
@ApplicationScoped
public class EscalationPolicies {

  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject Clinics clinics;
  @Inject Rosters rosters;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  public Optional<EscalationPolicy> inForce(UUID clinicId) {
    return em.createQuery(
            "select p from EscalationPolicy p where p.clinicId = :clinic order by p.version desc",
            EscalationPolicy.class)
        .setParameter("clinic", clinicId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /**
   * Stores a new version. Every director named must be an active DIRECTOR of the clinic; the
   * violations name the offending positions.
   */
  @Transactional
  public EscalationPolicy define(
      UUID clinicId,
      List<EscalationPlan.Step> steps,
      int repeat,
      String transferPlan,
      UUID definedBy) {
    List<Violation> violations = unqualifiedDirectors(clinicId, steps, users::byId);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    int version = inForce(clinicId).map(p -> p.version() + 1).orElse(1);
    EscalationPolicy policy =
        EscalationPolicy.version(
            clinicId,
            new EscalationPlan(version, steps, repeat, transferPlan.strip()),
            definedBy,
            clock.instant());
    em.persist(policy);
    // Who changed whom an emergency alerts is the clinic's business to know afterwards.
    trail.record(
        AuditEvent.of(AuditAction.CREATE, ObjectType.ESCALATION_POLICY, clinicId)
            .clinic(clinicId)
            .purpose(Purpose.OPERATIONS)
            .detail("version " + version + ": " + describe(steps) + "; repeat " + repeat));
    return policy;
  }

  /** "PRIMARY 60 s, 2 named directors 60 s": the steps as the trail tells them, without ids. */
  static String describe(List<EscalationPlan.Step> steps) {
    List<String> told = new ArrayList<>();
    for (EscalationPlan.Step step : steps) {
      String who =
          step.onCall() != null
              ? step.onCall().name()
              : step.directorIds().size() == 1
                  ? "1 named director"
                  : step.directorIds().size() + " named directors";
      told.add(who + " " + step.timeoutSeconds() + " s");
    }
    return String.join(", ", told);
  }

  /**
   * The plan as it is frozen into an emergency launching at that instant: the clinic's transfer
   * plan as the phone shows it, and the roster steps resolved to the people on call then, without
   * those an earlier step alerts already. A line with nobody on it is left out (the next step is
   * alerted at once rather than nobody for a whole timeout); when no step is left, every active
   * director of the clinic is alerted together, because an emergency must reach someone.
   */
  public EscalationPlan resolve(UUID clinicId, EscalationPlan policy, Instant at) {
    EscalationPlan plan =
        clinics
            .byId(clinicId)
            .map(c -> policy.withTransferPlan(c.transferPlanText(policy.transferPlan())))
            .orElse(policy);
    if (plan.steps().stream().noneMatch(EscalationPlan.Step::namesRoster)) {
      return plan;
    }
    List<EscalationPlan.Step> resolved = new ArrayList<>();
    Set<UUID> alreadyAlerted = new HashSet<>();
    for (EscalationPlan.Step step : plan.steps()) {
      List<UUID> people;
      if (step.onCall() == null) {
        people = step.directorIds();
      } else {
        people =
            switch (step.onCall()) {
              case PRIMARY ->
                  rosters.onCall(clinicId, Line.PRIMARY, at).map(List::of).orElse(List.of());
              case BACKUP ->
                  rosters.onCall(clinicId, Line.BACKUP, at).map(List::of).orElse(List.of());
              case ALL_DIRECTORS -> activeDirectors(clinicId);
            };
      }
      // A roster step that would alert only people already alerted (the backup covering the
      // primary line is on both) is left out: the next step is alerted a timeout sooner.
      boolean roster = step.onCall() != null;
      List<UUID> able =
          people.stream()
              .filter(id -> !roster || !alreadyAlerted.contains(id))
              .filter(id -> users.acts(id, Role.DIRECTOR, clinicId))
              .toList();
      if (!able.isEmpty()) {
        resolved.add(new EscalationPlan.Step(able, step.timeoutSeconds()));
        alreadyAlerted.addAll(able);
      }
    }
    if (resolved.isEmpty()) {
      List<UUID> everyone = activeDirectors(clinicId);
      if (everyone.isEmpty()) {
        throw new Conflict(
            "nobody-to-alert",
            "This clinic has no active director to alert; its admin must add one.");
      }
      resolved.add(new EscalationPlan.Step(everyone, plan.step(0).timeoutSeconds()));
    }
    return plan.withSteps(resolved);
  }

  private List<UUID> activeDirectors(UUID clinicId) {
    return users.acting(clinicId, Role.DIRECTOR).stream().map(User::id).limit(50).toList();
  }

  /**
   * Every position in the steps that names someone other than an active DIRECTOR of the clinic
   * (unknown, deactivated, another role, another clinic), named as the client wrote it.
   */
  static List<Violation> unqualifiedDirectors(
      UUID clinicId, List<EscalationPlan.Step> steps, Function<UUID, Optional<User>> users) {
    List<Violation> violations = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      List<UUID> directors = steps.get(i).directorIds();
      for (int j = 0; j < directors.size(); j++) {
        Optional<User> director = users.apply(directors.get(j));
        if (director.filter(d -> d.actsAs(Role.DIRECTOR, clinicId)).isEmpty()) {
          violations.add(
              new Violation(
                  "steps[" + i + "].directorIds[" + j + "]",
                  "is not an active director of this clinic"));
        }
      }
    }
    return violations;
  }
}
