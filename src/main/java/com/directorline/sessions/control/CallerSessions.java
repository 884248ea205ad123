package com.directorline.sessions.control;

import com.directorline.identity.control.Caller;
import com.directorline.platform.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** Binds a request to its session: fills {@link Caller} when the session is still open. */
@ApplicationScoped
public class CallerSessions {

  @Inject Sessions sessions;
  @Inject Caller caller;

  /** True when the session is open and the caller is now signed in. */
  public boolean bind(UUID sessionId, RequestOrigin origin) {
    var active = sessions.validate(sessionId, origin);
    if (active.isPresent()) {
      caller.signedIn(
          active.get().sessionId(), active.get().user(), active.get().idleDeadline(), origin);
      return true;
    }
    caller.anonymous(origin);
    return false;
  }

  public void bindAnonymous(RequestOrigin origin) {
    caller.anonymous(origin);
  }
}
