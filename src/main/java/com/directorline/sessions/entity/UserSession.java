package com.directorline.sessions.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One sign-in. Its id is the access token's {@code jti}; the token is only honoured while its
 * session is open, so logout, deactivation and automatic logoff take effect at once.
 *
 * <p>Lifecycle: opened at sign-in; {@link #touch} on use; ended by logout, by the idle timeout, by
 * the absolute lifetime, or revoked when the account changes.
 */
@Entity
@Table(name = "user_session")
public class UserSession {

  public enum EndReason {
    LOGOUT,
    IDLE_TIMEOUT,
    EXPIRED,
    REVOKED
  }

  @Id private UUID id;

  @Column(name = "user_id", nullable = false, updatable = false)
  private UUID userId;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "last_seen_at", nullable = false)
  private Instant lastSeenAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  private Instant expiresAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "end_reason", length = 32)
  @Enumerated(EnumType.STRING)
  private EndReason endReason;

  @Column(name = "client_ip", length = 64)
  private String clientIp;

  @Column(name = "user_agent", length = 512)
  private String userAgent;

  protected UserSession() {}

  public static UserSession open(
      UUID userId, Instant now, Duration absoluteLifetime, String clientIp, String userAgent) {
    UserSession session = new UserSession();
    session.id = UUID.randomUUID();
    session.userId = userId;
    session.createdAt = now;
    session.lastSeenAt = now;
    session.expiresAt = now.plus(absoluteLifetime);
    session.clientIp = truncate(clientIp, 64);
    session.userAgent = truncate(userAgent, 512);
    return session;
  }

  /**
   * Why this session may no longer be used at {@code now}, or empty while it is open. Ends the
   * session when a timeout is found, so the reason is recorded once.
   */
  public Optional<EndReason> checkAt(Instant now, Duration idleTimeout) {
    if (endReason != null) {
      return Optional.of(endReason);
    }
    if (!now.isBefore(expiresAt)) {
      end(EndReason.EXPIRED, expiresAt);
    } else if (!now.isBefore(lastSeenAt.plus(idleTimeout))) {
      end(EndReason.IDLE_TIMEOUT, lastSeenAt.plus(idleTimeout));
    }
    return Optional.ofNullable(endReason);
  }

  /**
   * Records use. Writes at most once per {@code granularity}, because every API request passes here
   * and the idle timeout does not need sub-minute precision.
   */
  public boolean touch(Instant now, Duration granularity) {
    if (endReason == null && !now.isBefore(lastSeenAt.plus(granularity))) {
      lastSeenAt = now;
      return true;
    }
    return false;
  }

  public void end(EndReason reason, Instant at) {
    if (endReason == null) {
      endReason = reason;
      endedAt = at;
    }
  }

  /** When the idle timeout will end this session if it is not used again. */
  public Instant idleDeadline(Duration idleTimeout) {
    Instant idle = lastSeenAt.plus(idleTimeout);
    return idle.isBefore(expiresAt) ? idle : expiresAt;
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  public UUID id() {
    return id;
  }

  public UUID userId() {
    return userId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Optional<EndReason> endReason() {
    return Optional.ofNullable(endReason);
  }
}
