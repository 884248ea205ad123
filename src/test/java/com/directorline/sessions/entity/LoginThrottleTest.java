package com.directorline.sessions.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private static final Duration WINDOW = Duration.ofMinutes(15);
  private static final Duration LOCK = Duration.ofMinutes(15);

  /** Rows are created by an insert in the database; tests build the same empty state. */
  static LoginThrottle fresh() throws Exception {
    Constructor<LoginThrottle> constructor = LoginThrottle.class.getDeclaredConstructor();
    constructor.setAccessible(true);
    LoginThrottle throttle = constructor.newInstance();
    var window = LoginThrottle.class.getDeclaredField("windowStartedAt");
    window.setAccessible(true);
    window.set(throttle, T0);
    return throttle;
  }

  @Test
  void theFifthFailureWithinTheWindowLocks() throws Exception {
    LoginThrottle throttle = fresh();
    for (int i = 1; i <= 4; i++) {
      assertThat(throttle.recordFailure(T0.plusSeconds(i), 5, WINDOW, LOCK)).isFalse();
      assertThat(throttle.lockRemainingAt(T0.plusSeconds(i))).isEmpty();
    }

    assertThat(throttle.recordFailure(T0.plusSeconds(5), 5, WINDOW, LOCK)).isTrue();
    assertThat(throttle.lockRemainingAt(T0.plusSeconds(5))).contains(LOCK);
    assertThat(throttle.lockRemainingAt(T0.plusSeconds(5).plus(LOCK).minusSeconds(1)))
        .contains(Duration.ofSeconds(1));
  }

  @Test
  void theLockEndsAfterItsDuration() throws Exception {
    LoginThrottle throttle = fresh();
    for (int i = 1; i <= 5; i++) {
      throttle.recordFailure(T0.plusSeconds(i), 5, WINDOW, LOCK);
    }
    Instant afterLock = T0.plusSeconds(5).plus(LOCK);

    assertThat(throttle.lockRemainingAt(afterLock)).isEmpty();
    assertThat(throttle.recordFailure(afterLock, 5, WINDOW, LOCK)).isFalse();
    assertThat(throttle.failures()).isEqualTo(1);
  }

  @Test
  void failuresSpreadBeyondTheWindowDoNotLock() throws Exception {
    LoginThrottle throttle = fresh();
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.recordFailure(T0.plus(Duration.ofMinutes(4L * i)), 5, WINDOW, LOCK))
          .isFalse();
    }
  }

  @Test
  void aSuccessStartsCountingAgain() throws Exception {
    LoginThrottle throttle = fresh();
    for (int i = 1; i <= 4; i++) {
      throttle.recordFailure(T0.plusSeconds(i), 5, WINDOW, LOCK);
    }
    throttle.recordSuccess(T0.plusSeconds(10));

    assertThat(throttle.recordFailure(T0.plusSeconds(11), 5, WINDOW, LOCK)).isFalse();
    assertThat(throttle.failures()).isEqualTo(1);
  }
}
