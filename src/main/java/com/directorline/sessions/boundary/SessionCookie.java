package com.directorline.sessions.boundary;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;

/** The browser's copy of the access token: HttpOnly, SameSite=Strict, Secure over HTTPS. */
public final class SessionCookie {

  public static final String NAME = "directorline_session";

  private SessionCookie() {}

  public static String read(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie cookie : cookies) {
      if (NAME.equals(cookie.getName())
          && cookie.getValue() != null
          && !cookie.getValue().isBlank()) {
        return cookie.getValue();
      }
    }
    return null;
  }

  /**
   * The {@code Set-Cookie} value. Written by hand because JAX-RS's {@code NewCookie} adds the
   * obsolete RFC 2109 {@code Version=1} attribute.
   */
  static String issue(String token, Duration maxAge, boolean secure) {
    return NAME + "=" + token + attributes(maxAge.toSeconds(), secure);
  }

  static String clear(boolean secure) {
    return NAME + "=" + attributes(0, secure);
  }

  private static String attributes(long maxAgeSeconds, boolean secure) {
    return "; Path=/; Max-Age="
        + maxAgeSeconds
        + "; HttpOnly; SameSite=Strict"
        + (secure ? "; Secure" : "");
  }
}
