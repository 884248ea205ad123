package com.directorline.sessions.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.identity.entity.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the session cache may answer without the database, on a fixed clock. */
class SessionCacheTest {

  private static final Instant SEEN = Instant.parse("2026-12-07T10:00:00Z");

  private final SessionCache cache = new SessionCache();
  private final UUID user = UUID.randomUUID();

  @BeforeEach
  void setUp() {
    SessionSettings settings = new SessionSettings();
    settings.idleSeconds = 900; // written at most every 60 s
    settings.absoluteSeconds = 43_200;
    cache.settings = settings;
    cache.seconds = 5;
    cache.build();
  }

  private SessionCache.Entry entry(UUID session, Instant expiresAt) {
    return new SessionCache.Entry(
        session, user, "dr.ng", Map.of(UUID.randomUUID(), Set.of(Role.DIRECTOR)), SEEN, expiresAt);
  }

  @Test
  void anOpenSessionIsAnsweredUntilItsUseMustBeWrittenOrItEnds() {
    UUID session = UUID.randomUUID();
    cache.remember(entry(session, SEEN.plus(Duration.ofHours(12))));
    assertThat(cache.usable(session, SEEN.plusSeconds(59))).isPresent();
    assertThat(cache.usable(session, SEEN.plusSeconds(60)))
        .as("the use is due to be written: the database is asked")
        .isEmpty();

    UUID ending = UUID.randomUUID();
    cache.remember(entry(ending, SEEN.plusSeconds(30)));
    assertThat(cache.usable(ending, SEEN.plusSeconds(29))).isPresent();
    assertThat(cache.usable(ending, SEEN.plusSeconds(30))).as("expired").isEmpty();
    assertThat(cache.usable(UUID.randomUUID(), SEEN)).as("never seen").isEmpty();
  }

  @Test
  void signOutAndChangedRightsAreForgottenAndNotPutBackByAReadFromBefore() {
    UUID session = UUID.randomUUID();
    SessionCache.Entry open = entry(session, SEEN.plus(Duration.ofHours(12)));
    cache.remember(open);
    cache.forgetSession(session);
    assertThat(cache.usable(session, SEEN.plusSeconds(1))).isEmpty();
    cache.remember(open); // a request that read the session open just before the sign-out
    assertThat(cache.usable(session, SEEN.plusSeconds(1))).isEmpty();

    UUID other = UUID.randomUUID();
    SessionCache.Entry before = entry(other, SEEN.plus(Duration.ofHours(12)));
    cache.remember(before);
    cache.forgetUser(user);
    assertThat(cache.usable(other, SEEN.plusSeconds(1))).isEmpty();
    cache.remember(before);
    assertThat(cache.usable(other, SEEN.plusSeconds(1))).isEmpty();
  }

  @Test
  void offMeansTheDatabaseIsAlwaysAsked() {
    cache.seconds = 0;
    cache.build();
    UUID session = UUID.randomUUID();
    cache.remember(entry(session, SEEN.plus(Duration.ofHours(12))));
    assertThat(cache.usable(session, SEEN.plusSeconds(1))).isEmpty();
  }
}
