package com.directorline.sessions.control;

import com.directorline.identity.entity.MembershipsChanged;
import com.directorline.identity.entity.Role;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Open sessions with their users and roles, as the database last showed them, for at most {@code
 * directorline.session.cache-seconds} (default 5; 0 turns the cache off). Every API request checks
 * its session; from here that costs no query. What the cache cannot know it does not answer: an
 * entry is used only while its session is neither idle nor expired by the clock and its use need
 * not be written yet ({@link SessionSettings#touchGranularity()}), otherwise the database is asked.
 *
 * <p>Sign-out, revocation, deactivation and every change of someone's rights (which end the user's
 * sessions, {@link Sessions#revokeAll}), and a change of one's own roles or clinics ({@link
 * MembershipsChanged}), remove the entries on this instance at once, and tombstone them so that a
 * request that read the database just before the change cannot put its now stale view back. Other
 * instances learn of it when their entry expires: within the cache's seconds.
 */
@ApplicationScoped
public class SessionCache {

  /** A session known open, with its user's name and roles per clinic. */
  public record Entry(
      UUID sessionId,
      UUID userId,
      String username,
      Map<UUID, Set<Role>> rolesByClinic,
      Instant lastSeenAt,
      Instant expiresAt) {

    /** When the idle timeout would end the session if it is not used again. */
    public Instant idleDeadline(Duration idleTimeout) {
      Instant idle = lastSeenAt.plus(idleTimeout);
      return idle.isBefore(expiresAt) ? idle : expiresAt;
    }
  }

  @Inject
  @ConfigProperty(name = "directorline.session.cache-seconds", defaultValue = "5")
  int seconds;

  @Inject SessionSettings settings;

  private Cache<UUID, Entry> sessions;
  private Cache<UUID, Boolean> endedSessions;
  private Cache<UUID, Boolean> changedUsers;

  @PostConstruct
  void build() {
    if (seconds < 0 || seconds > 60) {
      throw new IllegalArgumentException(
          "directorline.session.cache-seconds must be between 0 (off) and 60");
    }
    Duration ttl = Duration.ofSeconds(seconds);
    // Maintenance on the calling thread: no pool of the cache's own inside the container.
    sessions =
        Caffeine.newBuilder()
            .maximumSize(seconds == 0 ? 0 : 100_000)
            .expireAfterWrite(ttl)
            .executor(Runnable::run)
            .build();
    // A tombstone must outlive any read that started before it: a validation takes milliseconds.
    Duration tombstone = ttl.plusSeconds(5);
    endedSessions =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(tombstone)
            .executor(Runnable::run)
            .build();
    changedUsers =
        Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(tombstone)
            .executor(Runnable::run)
            .build();
  }

  /**
   * The session as last seen, when it may be trusted without asking the database at {@code now}.
   */
  public Optional<Entry> usable(UUID sessionId, Instant now) {
    Entry entry = sessions.getIfPresent(sessionId);
    if (entry == null
        || !now.isBefore(entry.expiresAt())
        || !now.isBefore(entry.lastSeenAt().plus(settings.idleTimeout()))
        || !now.isBefore(entry.lastSeenAt().plus(settings.touchGranularity()))) {
      return Optional.empty();
    }
    return Optional.of(entry);
  }

  /** Remembers a session the database just showed open, unless it ended meanwhile. */
  public void remember(Entry entry) {
    if (seconds == 0
        || endedSessions.getIfPresent(entry.sessionId()) != null
        || changedUsers.getIfPresent(entry.userId()) != null) {
      return;
    }
    sessions.put(entry.sessionId(), entry);
  }

  /** The session ended (signed out, revoked): not served from here again. */
  public void forgetSession(UUID sessionId) {
    endedSessions.put(sessionId, Boolean.TRUE);
    sessions.invalidate(sessionId);
  }

  /** The user's rights changed or they were deactivated: none of their sessions from here. */
  public void forgetUser(UUID userId) {
    changedUsers.put(userId, Boolean.TRUE);
    sessions.asMap().values().removeIf(entry -> entry.userId().equals(userId));
  }

  /** One's own rights changed: forgotten now, and again once the change is committed. */
  void onMembershipsChanged(@Observes MembershipsChanged changed) {
    forgetUser(changed.userId());
  }

  void afterMembershipsChanged(
      @Observes(during = TransactionPhase.AFTER_COMPLETION) MembershipsChanged changed) {
    forgetUser(changed.userId());
  }
}
