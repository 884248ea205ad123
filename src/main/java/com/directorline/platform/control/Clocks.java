package com.directorline.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one source of time; tests of entities pass a fixed {@link Clock} instead. */
@ApplicationScoped
public class Clocks {

  @Produces
  @ApplicationScoped
  Clock utc() {
    // Microseconds: what PostgreSQL stores, so a time read back equals the time written.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
