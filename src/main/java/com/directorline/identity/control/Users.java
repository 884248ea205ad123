package com.directorline.identity.control;

import com.directorline.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Finds and stores users. */
@ApplicationScoped
public class Users {

  @PersistenceContext EntityManager em;

  public Optional<User> byId(UUID id) {
    return Optional.ofNullable(em.find(User.class, id));
  }

  public Optional<User> byIdForUpdate(UUID id) {
    return Optional.ofNullable(em.find(User.class, id, LockModeType.PESSIMISTIC_WRITE));
  }

  public Optional<User> byUsername(String username) {
    return em.createQuery("select u from User u where u.username = :username", User.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  public List<User> inClinic(UUID clinicId) {
    return em.createQuery(
            "select u from User u where :clinic member of u.clinicIds order by u.username",
            User.class)
        .setParameter("clinic", clinicId)
        .getResultList();
  }

  /** Everyone who belongs to one of these clinics, active or not (their history still counts). */
  public List<UUID> memberIds(Collection<UUID> clinics) {
    if (clinics.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select distinct u.id from User u join u.clinicIds c where c in :clinics", UUID.class)
        .setParameter("clinics", clinics)
        .getResultList();
  }

  public void add(User user) {
    em.persist(user);
  }

  public long count() {
    return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
  }
}
