package com.directorline.escalation.control;

import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.escalation.entity.EscalationPolicy;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** The clinics' escalation policies: each change a new version, the newest in force. */
@ApplicationScoped
public class EscalationPolicies {

  @PersistenceContext EntityManager em;
  @Inject Users users;
  @Inject Clock clock;

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
    return policy;
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
        if (director.isEmpty()
            || !director.get().isActive()
            || !director.get().hasRole(Role.DIRECTOR, clinicId)) {
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
