package com.directorline.identity.control;

import com.directorline.identity.entity.Contact;
import com.directorline.identity.entity.Person;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
            "select distinct u from User u join u.memberships m where m.clinicId = :clinic"
                + " order by u.username",
            User.class)
        .setParameter("clinic", clinicId)
        .getResultList();
  }

  /** The clinic's people who act in that role now: active, and holding it there. */
  public List<User> acting(UUID clinicId, Role role) {
    return inClinic(clinicId).stream().filter(u -> u.actsAs(role, clinicId)).toList();
  }

  /** Whether that person acts in that role in that clinic now. */
  public boolean acts(UUID userId, Role role, UUID clinicId) {
    return byId(userId).filter(u -> u.actsAs(role, clinicId)).isPresent();
  }

  /** Everyone who belongs to one of these clinics, active or not (their history still counts). */
  public List<UUID> memberIds(Collection<UUID> clinics) {
    if (clinics.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select distinct u.id from User u join u.memberships m where m.clinicId in :clinics",
            UUID.class)
        .setParameter("clinics", clinics)
        .getResultList();
  }

  /**
   * The people with these ids, in one query that reads only their names and phones (not their roles
   * and clinics, which a user entity would load one user at a time). Unknown ids are left out.
   */
  public Map<UUID, Person> people(Collection<UUID> ids) {
    Set<UUID> distinct = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select new com.directorline.identity.entity.Person(u.id, u.displayName, u.phone)"
                + " from User u where u.id in :ids",
            Person.class)
        .setParameter("ids", distinct)
        .getResultStream()
        .collect(Collectors.toMap(Person::id, Function.identity()));
  }

  /** How to reach the people with these ids, in one query. Unknown ids are left out. */
  public Map<UUID, Contact> contacts(Collection<UUID> ids) {
    Set<UUID> distinct = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
    if (distinct.isEmpty()) {
      return Map.of();
    }
    return em.createQuery(
            "select new com.directorline.identity.entity.Contact(u.id, u.displayName, u.email,"
                + " u.phone) from User u where u.id in :ids",
            Contact.class)
        .setParameter("ids", distinct)
        .getResultStream()
        .collect(Collectors.toMap(Contact::id, Function.identity()));
  }

  public void add(User user) {
    em.persist(user);
  }

  public long count() {
    return em.createQuery("select count(u) from User u", Long.class).getSingleResult();
  }
}
