package com.directorline.sessions.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.sessions.entity.UserSession.EndReason;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserSessionTest {

  private static final Instant SIGN_IN = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration IDLE = Duration.ofMinutes(15);
  private static final Duration ABSOLUTE = Duration.ofHours(12);

  private final UserSession session =
      UserSession.open(UUID.randomUUID(), SIGN_IN, ABSOLUTE, "203.0.113.7", "Mozilla/5.0");

  @Test
  void anOpenSessionInUseStaysOpen() {
    assertThat(session.checkAt(SIGN_IN.plus(Duration.ofMinutes(14)), IDLE)).isEmpty();
    assertThat(session.touch(SIGN_IN.plus(Duration.ofMinutes(14)), Duration.ofMinutes(1))).isTrue();
    assertThat(session.checkAt(SIGN_IN.plus(Duration.ofMinutes(28)), IDLE)).isEmpty();
  }

  @Test
  void fifteenIdleMinutesEndTheSession() {
    assertThat(session.checkAt(SIGN_IN.plus(IDLE), IDLE)).contains(EndReason.IDLE_TIMEOUT);
    assertThat(session.touch(SIGN_IN.plus(IDLE), Duration.ofMinutes(1))).isFalse();
    assertThat(session.checkAt(SIGN_IN.plus(IDLE).plusSeconds(1), IDLE))
        .contains(EndReason.IDLE_TIMEOUT);
  }

  @Test
  void theAbsoluteLifetimeEndsEvenABusySession() {
    Instant now = SIGN_IN;
    while (now.isBefore(SIGN_IN.plus(ABSOLUTE))) {
      assertThat(session.checkAt(now, IDLE)).isEmpty();
      session.touch(now, Duration.ofMinutes(1));
      now = now.plus(Duration.ofMinutes(10));
    }
    assertThat(session.checkAt(SIGN_IN.plus(ABSOLUTE), IDLE)).contains(EndReason.EXPIRED);
  }

  @Test
  void touchWritesAtMostOncePerGranularity() {
    assertThat(session.touch(SIGN_IN.plusSeconds(30), Duration.ofMinutes(1))).isFalse();
    assertThat(session.touch(SIGN_IN.plusSeconds(60), Duration.ofMinutes(1))).isTrue();
    assertThat(session.lastSeenAt()).isEqualTo(SIGN_IN.plusSeconds(60));
  }

  @Test
  void theFirstEndReasonIsKept() {
    session.end(EndReason.LOGOUT, SIGN_IN.plusSeconds(5));
    session.end(EndReason.REVOKED, SIGN_IN.plusSeconds(6));

    assertThat(session.endReason()).contains(EndReason.LOGOUT);
    assertThat(session.checkAt(SIGN_IN.plusSeconds(7), IDLE)).contains(EndReason.LOGOUT);
  }

  @Test
  void theIdleDeadlineNeverPassesTheAbsoluteEnd() {
    Instant late = SIGN_IN.plus(ABSOLUTE).minus(Duration.ofMinutes(5));
    session.touch(late, Duration.ofMinutes(1));

    assertThat(session.idleDeadline(IDLE)).isEqualTo(SIGN_IN.plus(ABSOLUTE));
  }
}
