package com.directorline.sessions.boundary;

import com.directorline.identity.boundary.UserView;
import java.time.Instant;

/** The answer to a successful sign-in. */
public record SignedIn(
    String accessToken, Instant expiresAt, long idleTimeoutSeconds, UserView user) {

  @Override
  public String toString() {
    return "SignedIn[user=" + user.id() + "]";
  }
}
