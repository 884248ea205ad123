package com.directorline.sessions.control;

import com.directorline.identity.control.Accounts;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.SecurityEvents;
import com.directorline.identity.entity.RightsChanged;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
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
