package com.directorline.sessions.control;

import com.directorline.identity.control.SecurityEvents;
import com.directorline.identity.entity.RightsChanged;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.RequestOrigin;
import com.directorline.sessions.entity.UserSession;
import com.directorline.sessions.entity.UserSession.EndReason;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Opens, checks and ends sign-in sessions; see {@link UserSession} for the lifecycle. */
@ApplicationScoped
public class Sessions {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject SessionSettings settings;
  @Inject SecurityEvents events;
  @Inject SessionCache cache;
  @Resource TransactionSynchronizationRegistry transaction;

  public UserSession open(User user, RequestOrigin origin) {
    UserSession session =
        UserSession.open(
            user.id(),
            clock.instant(),
            settings.absoluteLifetime(),
            origin.clientIp(),
            origin.userAgent());
    em.persist(session);
    return session;
  }

  /**
   * The session and its user when both are still valid; records the use. Runs in its own
   * transaction so that an idle timeout found here is written even though the request then fails.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<ActiveSession> validate(UUID sessionId, RequestOrigin origin) {
    UserSession session = em.find(UserSession.class, sessionId);
    if (session == null) {
      return Optional.empty();
    }
    boolean wasOpen = session.endReason().isEmpty();
    Optional<EndReason> ended = session.checkAt(clock.instant(), settings.idleTimeout());
    if (ended.isPresent()) {
      if (wasOpen) {
        events.record(
            SecurityEventType.SESSION_ENDED,
            session.userId(),
            null,
            session.userId(),
            null,
            origin,
            ended.get().name());
      }
      return Optional.empty();
    }
    User user = em.find(User.class, session.userId());
    if (user == null || !user.isActive()) {
      session.end(EndReason.REVOKED, clock.instant());
      return Optional.empty();
    }
    session.touch(clock.instant(), settings.touchGranularity());
    return Optional.of(
        new ActiveSession(
            session.id(),
            user,
            session.idleDeadline(settings.idleTimeout()),
            session.lastSeenAt(),
            session.expiresAt()));
  }

  /**
   * Whether a session may still be used, without counting this as use: long-lived streams ask it,
   * and must not keep an idle session alive. Ends a session found timed out, and records that as
   * sign-in validation does (a console closed by its heartbeat once left no SESSION_ENDED event).
   */
  @Transactional
  public boolean stillOpen(UUID sessionId) {
    UserSession session = em.find(UserSession.class, sessionId);
    if (session == null) {
      return false;
    }
    boolean wasOpen = session.endReason().isEmpty();
    Optional<EndReason> ended = session.checkAt(clock.instant(), settings.idleTimeout());
    if (ended.isPresent()) {
      if (wasOpen) {
        events.record(
            SecurityEventType.SESSION_ENDED,
            session.userId(),
            null,
            session.userId(),
            null,
            RequestOrigin.SYSTEM,
            ended.get().name() + " (console heartbeat)");
      }
      return false;
    }
    User user = em.find(User.class, session.userId());
    return user != null && user.isActive();
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void end(UUID sessionId, EndReason reason) {
    UserSession session = em.find(UserSession.class, sessionId);
    if (session != null) {
      session.end(reason, clock.instant());
    }
    // Now and after the commit: a request that read the session open in between must not keep it.
    cache.forgetSession(sessionId);
    afterCompletion(() -> cache.forgetSession(sessionId));
  }

  private void afterCompletion(Runnable forget) {
    transaction.registerInterposedSynchronization(
        new Synchronization() {
          @Override
          public void beforeCompletion() {}

          @Override
          public void afterCompletion(int status) {
            forget.run();
          }
        });
  }

  /**
   * Ends every open session of a user whose rights changed (roles, clinics, password,
   * deactivation), in the transaction of the change, so no token carries stale rights.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  void onRightsChanged(@Observes RightsChanged changed) {
    revokeAll(changed.userId());
  }

  /** Ends every open session of a user. */
  @Transactional(Transactional.TxType.MANDATORY)
  public int revokeAll(UUID userId) {
    var open =
        em.createQuery(
                "select s from UserSession s where s.userId = :user and s.endReason is null",
                UserSession.class)
            .setParameter("user", userId)
            .getResultList();
    open.forEach(s -> s.end(EndReason.REVOKED, clock.instant()));
    cache.forgetUser(userId);
    afterCompletion(() -> cache.forgetUser(userId));
    return open.size();
  }

  /** A validated session: who is calling, and when automatic logoff will end it. */
  public record ActiveSession(
      UUID sessionId, User user, Instant idleDeadline, Instant lastSeenAt, Instant expiresAt) {}
}
