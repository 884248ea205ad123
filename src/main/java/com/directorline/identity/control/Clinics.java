package com.directorline.identity.control;

import com.directorline.identity.entity.Clinic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds and stores clinics. */
@ApplicationScoped
public class Clinics {

  @PersistenceContext EntityManager em;

  public Optional<Clinic> byId(UUID id) {
    return Optional.ofNullable(em.find(Clinic.class, id));
  }

  /**
   * The clinic's name alone, for an alert's text: one query, where reading the clinic would also
   * read its opening hours and transfer plan.
   */
  public String name(UUID id) {
    return em.createQuery("select c.name from Clinic c where c.id = :id", String.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElse("");
  }

  public List<Clinic> byIds(Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery("select c from Clinic c where c.id in :ids order by c.name", Clinic.class)
        .setParameter("ids", ids)
        .getResultList();
  }

  /** Every clinic, for the system's own checks (no caller). */
  public List<Clinic> all() {
    return em.createQuery("select c from Clinic c order by c.id", Clinic.class).getResultList();
  }

  public void add(Clinic clinic) {
    em.persist(clinic);
  }

  public long count() {
    return em.createQuery("select count(c) from Clinic c", Long.class).getSingleResult();
  }
}
