package com.directorline.sessions.control;

import com.directorline.identity.control.Passwords;
import com.directorline.identity.control.SecurityEvents;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.RequestOrigin;
import com.directorline.sessions.entity.LoginThrottle;
import com.directorline.sessions.entity.UserSession;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks credentials under the lockout rule: the {@code max-failures}-th failure within the window
 * from one client address locks the username for that address for the lock duration, whether or not
 * the account exists, and a locked pair is refused without checking the password. Sign-in from
 * elsewhere goes on; an admin lifts a lock ({@link #unlock}).
 */
@ApplicationScoped
public class SignIn {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Users users;
  @Inject Passwords passwords;
  @Inject Sessions sessions;
  @Inject AccessTokens tokens;
  @Inject SecurityEvents events;
  @Inject SessionSettings settings;

  /** The outcome of a sign-in attempt. */
  public sealed interface Outcome {}

  public record Succeeded(User user, UserSession session, String token) implements Outcome {}

  public record Failed() implements Outcome {}

  public record Locked(Duration remaining) implements Outcome {}

  @Transactional
  public Outcome attempt(String rawUsername, String password, RequestOrigin origin) {
    String username = rawUsername.strip().toLowerCase(Locale.ROOT);
    Instant now = clock.instant();
    LoginThrottle throttle = throttleFor(username, addressOf(origin), now);
    Optional<User> account = users.byUsername(username);
    Optional<Duration> locked = throttle.lockRemainingAt(now);
    if (locked.isPresent()) {
      record(SecurityEventType.LOGIN_REFUSED_LOCKED, account, origin, null);
      return new Locked(locked.get());
    }
    boolean valid;
    if (account.isPresent()) {
      valid = passwords.matches(password, account.get().passwordHash());
    } else {
      passwords.burnDecoyCheck(password);
      valid = false;
    }
    if (valid && account.get().isActive()) {
      User user = account.get();
      throttle.recordSuccess(now);
      UserSession session = sessions.open(user, origin);
      record(SecurityEventType.LOGIN_SUCCEEDED, account, origin, null);
      return new Succeeded(user, session, tokens.issue(user, session));
    }
    String reason = account.isEmpty() ? "UNKNOWN_USER" : valid ? "INACTIVE_USER" : "BAD_PASSWORD";
    record(SecurityEventType.LOGIN_FAILED, account, origin, reason);
    boolean lockedNow =
        throttle.recordFailure(
            now, settings.maxFailures(), settings.failureWindow(), settings.lockDuration());
    if (lockedNow) {
      record(
          SecurityEventType.ACCOUNT_LOCKED, account, origin, settings.maxFailures() + " failures");
    }
    return new Failed();
  }

  private static String addressOf(RequestOrigin origin) {
    return origin.clientIp() == null ? "unknown" : origin.clientIp();
  }

  /**
   * The throttle row of the username and address, locked for this transaction. Created with an
   * insert that ignores a concurrent twin, so parallel failures are all counted.
   */
  private LoginThrottle throttleFor(String username, String address, Instant now) {
    LoginThrottle.Key key = new LoginThrottle.Key(username, address);
    LoginThrottle existing = em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
    if (existing != null) {
      return existing;
    }
    em.createNativeQuery(
            "insert into login_throttle (username, client_address, failures, window_started_at)"
                + " values (?, ?, 0, ?) on conflict do nothing")
        .setParameter(1, username)
        .setParameter(2, address)
        .setParameter(3, now.atOffset(ZoneOffset.UTC))
        .executeUpdate();
    return em.find(LoginThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
  }

  private void record(
      SecurityEventType type, Optional<User> account, RequestOrigin origin, String detail) {
    events.record(
        type,
        account.map(User::id).orElse(null),
        account.map(User::username).orElse(null),
        account.map(User::id).orElse(null),
        null,
        origin,
        detail);
  }
}
