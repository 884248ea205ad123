package com.directorline.emergencies.control;

import com.directorline.emergencies.entity.Emergency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The clinic's drills: emergencies launched to practise, which alert and escalate like real ones.
 */
@ApplicationScoped
public class Drills {

  @PersistenceContext EntityManager em;

  /** When the clinic last launched a drill; empty when it never did. */
  public Optional<Instant> lastLaunched(UUID clinicId) {
    // Newest first, one row (a max() comes back as a driver type on PostgreSQL, not an Instant).
    return em.createQuery(
            "select e.launchedAt from Emergency e where e.clinicId = :clinic and e.drill = true"
                + " order by e.launchedAt desc",
            Instant.class)
        .setParameter("clinic", clinicId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  /** The clinic's drills launched in [from, to), oldest first, at most {@code limit}. */
  public List<Emergency> launched(UUID clinicId, Instant from, Instant to, int limit) {
    return em.createQuery(
            "select e from Emergency e where e.clinicId = :clinic and e.drill = true"
                + " and e.launchedAt >= :from and e.launchedAt < :to order by e.launchedAt",
            Emergency.class)
        .setParameter("clinic", clinicId)
        .setParameter("from", from)
        .setParameter("to", to)
        .setMaxResults(limit)
        .getResultList();
  }
}
