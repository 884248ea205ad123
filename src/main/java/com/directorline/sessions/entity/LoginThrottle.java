package com.directorline.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Failed sign-ins for one username from one client address within a window. Kept whether or not the
 * account exists, so that a locked answer does not reveal which usernames are real. Per address
 * because a lock per username alone let anyone anywhere lock an on-call director out by typing
 * wrong passwords; now the guesser locks only themselves.
 */
@Entity
@Table(name = "login_throttle")
@IdClass(LoginThrottle.Key.class)
public class LoginThrottle {

  /** The composite primary key. */
  public static class Key implements Serializable {
    private String username;
    private String clientAddress;

    public Key() {}

    public Key(String username, String clientAddress) {
      this.username = username;
      this.clientAddress = clientAddress;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && username.equals(that.username)
          && clientAddress.equals(that.clientAddress);
    }

    @Override
    public int hashCode() {
      return Objects.hash(username, clientAddress);
    }
  }

  @Id
  @Column(length = 64)
  private String username;

  @Id
  @Column(name = "client_address", length = 64)
  private String clientAddress;

  @Column(nullable = false)
  private int failures;

  @Column(name = "window_started_at", nullable = false)
  private Instant windowStartedAt;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected LoginThrottle() {}

  public String username() {
    return username;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** When the lock ends; null when there is none. */
  public Instant lockedUntil() {
    return lockedUntil;
  }

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
