package com.directorline.sessions.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Automatic logoff and lockout settings (docs/configuration.md). */
@ApplicationScoped
public class SessionSettings {

  @Inject
  @ConfigProperty(name = "directorline.session.idle-timeout-seconds", defaultValue = "900")
  long idleSeconds;

  @Inject
  @ConfigProperty(name = "directorline.session.absolute-lifetime-seconds", defaultValue = "43200")
  long absoluteSeconds;

  @Inject
  @ConfigProperty(name = "directorline.login.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "directorline.login.failure-window-seconds", defaultValue = "900")
  long failureWindowSeconds;

  @Inject
  @ConfigProperty(name = "directorline.login.lock-seconds", defaultValue = "900")
  long lockSeconds;

  @Inject
  @ConfigProperty(name = "directorline.session.cookie-secure", defaultValue = "auto")
  String cookieSecure;

  public Duration idleTimeout() {
    return Duration.ofSeconds(idleSeconds);
  }

  public Duration absoluteLifetime() {
    return Duration.ofSeconds(absoluteSeconds);
  }

  /** How often {@code last_seen_at} is written: a tenth of the idle timeout, at most a minute. */
  public Duration touchGranularity() {
    return Duration.ofSeconds(Math.max(1, Math.min(60, idleSeconds / 10)));
  }

  public int maxFailures() {
    return maxFailures;
  }

  public Duration failureWindow() {
    return Duration.ofSeconds(failureWindowSeconds);
  }

  public Duration lockDuration() {
    return Duration.ofSeconds(lockSeconds);
  }

  /** {@code always}, {@code never}, or {@code auto}: Secure when the request came over HTTPS. */
  public boolean secureCookie(boolean requestIsHttps) {
    return switch (cookieSecure) {
      case "always" -> true;
      case "never" -> false;
      default -> requestIsHttps;
    };
  }
}
