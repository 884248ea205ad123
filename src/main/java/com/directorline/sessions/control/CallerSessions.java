package com.directorline.sessions.control;

import com.directorline.identity.control.Caller;
import com.directorline.platform.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** Binds a request to its session: fills {@link Caller} when the session is still open. */
@ApplicationScoped
public class CallerSessions {

  @Inject Sessions sessions;
  @Inject SessionCache cache;
  @Inject SessionSettings settings;
  @Inject Caller caller;
  @Inject Clock clock;

  /**
   * True when the session is open and the caller is now signed in: from the {@link SessionCache}
   * when it may answer, else from the database, whose answer the cache then keeps.
   */
  public boolean bind(UUID sessionId, RequestOrigin origin) {
    Optional<SessionCache.Entry> cached = cache.usable(sessionId, clock.instant());
    if (cached.isPresent()) {
      SessionCache.Entry entry = cached.get();
      caller.signedIn(
          entry.sessionId(),
          entry.userId(),
          entry.username(),
          entry.rolesByClinic(),
          entry.idleDeadline(settings.idleTimeout()),
          origin);
      return true;
    }
    var active = sessions.validate(sessionId, origin);
    if (active.isPresent()) {
      Sessions.ActiveSession session = active.get();
      SessionCache.Entry entry =
          new SessionCache.Entry(
              session.sessionId(),
              session.user().id(),
              session.user().username(),
              session.user().rolesByClinic(),
              session.lastSeenAt(),
              session.expiresAt());
      cache.remember(entry);
      caller.signedIn(
          entry.sessionId(),
          entry.userId(),
          entry.username(),
          entry.rolesByClinic(),
          session.idleDeadline(),
          origin);
      return true;
    }
    caller.anonymous(origin);
    return false;
  }

  public void bindAnonymous(RequestOrigin origin) {
    caller.anonymous(origin);
  }
}
