package com.directorline.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Failed sign-ins for one username within a window. Kept per username whether or not the account
 * exists, so that a locked answer does not reveal which usernames are real.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

  @Id
  @Column(length = 64)
  private String username;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_started_at", nullable = false)
  private Instant windowStartedAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected LoginThrottle() {}

  /** How long the lock still lasts at {@code now}; empty when sign-in may be tried. */
  public Optional<Duration> lockRemainingAt(Instant now) {
    if (lockedUntil != null && now.isBefore(lockedUntil)) {
      return Optional.of(Duration.between(now, lockedUntil));
    }
    return Optional.empty();
  }

  /**
   * Counts a failure; the {@code maxFailures}-th failure within {@code window} locks the username
   * for {@code lockFor}. Returns true when this failure started a lock.
   */
  public boolean recordFailure(Instant now, int maxFailures, Duration window, Duration lockFor) {
    boolean lockOver = lockedUntil != null && !now.isBefore(lockedUntil);
    if (lockOver || !now.isBefore(windowStartedAt.plus(window))) {
      failures = 0;
      windowStartedAt = now;
      lockedUntil = null;
    }
    failures++;
    if (failures >= maxFailures) {
      lockedUntil = now.plus(lockFor);
      return true;
    }
    return false;
  }

  public void recordSuccess(Instant now) {
    failures = 0;
    windowStartedAt = now;
    lockedUntil = null;
  }

  public int failures() {
    return failures;
  }
}
