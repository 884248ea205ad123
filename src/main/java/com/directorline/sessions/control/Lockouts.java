package com.directorline.sessions.control;

import com.directorline.identity.control.Accounts;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.SecurityEvents;
import com.directorline.identity.entity.RightsChanged;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import com.directorline.sessions.entity.LoginThrottle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Lifts sign-in locks: an admin of every clinic of the person unlocks them on request, and a
 * password an admin sets lifts them too (it used to leave the person locked out for 15 minutes).
 */
@ApplicationScoped
public class Lockouts {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Accounts accounts;
  @Inject Caller caller;
  @Inject SecurityEvents events;

  /**
   * Lifts every lock on the person's username, from every address, recorded under each of their
   * clinics. True when there was one.
   */
  @Transactional
  public boolean unlock(UUID userId) {
    User user = accounts.wholyAdministered(userId);
    boolean wasLocked = lift(user.username());
    for (UUID clinic : user.clinicIds()) {
      events.record(
          SecurityEventType.ACCOUNT_UNLOCKED,
          caller.userId(),
          caller.username(),
          user.id(),
          clinic,
          caller.origin(),
          wasLocked ? null : "was not locked");
    }
    return wasLocked;
  }

  /** How far back the addresses a person signs in from are remembered for {@link #lockedOut}. */
  static final Duration USUAL_ADDRESSES = Duration.ofDays(90);

  /**
   * Of these people, who is locked out of signing in where they usually do, and until when. A lock
   * is per address (a guesser locks only themselves), so it keeps a person out only from the
   * addresses they sign in from: those of their sessions of the last 90 days. Someone with no
   * session in that time has no usual address, and any lock on their username counts.
   */
  public Map<UUID, Instant> lockedOut(Collection<User> people) {
    if (people.isEmpty()) {
      return Map.of();
    }
    Instant now = clock.instant();
    Map<String, User> byUsername = new HashMap<>();
    people.forEach(person -> byUsername.put(person.username(), person));
    List<LoginThrottle> locks =
        em.createQuery(
                "select t from LoginThrottle t where t.username in :usernames"
                    + " and t.lockedUntil is not null and t.lockedUntil > :now",
                LoginThrottle.class)
            .setParameter("usernames", byUsername.keySet())
            .setParameter("now", now)
            .getResultList();
    if (locks.isEmpty()) {
      return Map.of();
    }
    Set<UUID> locked = new HashSet<>();
    locks.forEach(lock -> locked.add(byUsername.get(lock.username()).id()));
    Map<UUID, Set<String>> usual = new HashMap<>();
    em.createQuery(
            "select distinct s.userId, s.clientIp from UserSession s where s.userId in :ids"
                + " and s.createdAt > :since and s.clientIp is not null",
            Object[].class)
        .setParameter("ids", locked)
        .setParameter("since", now.minus(USUAL_ADDRESSES))
        .getResultList()
        .forEach(
            row ->
                usual.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((String) row[1]));
    Map<UUID, Instant> out = new HashMap<>();
    for (LoginThrottle lock : locks) {
      UUID person = byUsername.get(lock.username()).id();
      Set<String> addresses = usual.get(person);
      if (addresses == null || addresses.contains(lock.clientAddress())) {
        out.merge(person, lock.lockedUntil(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    return out;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  void onRightsChanged(@Observes RightsChanged changed) {
    User user = em.find(User.class, changed.userId());
    if (user != null) {
      lift(user.username());
    }
  }

  private boolean lift(String username) {
    return em.createQuery(
                "delete from LoginThrottle t where t.username = :username"
                    + " and t.lockedUntil is not null and t.lockedUntil > :now")
            .setParameter("username", username)
            .setParameter("now", clock.instant())
            .executeUpdate()
        > 0;
  }
}
