package com.directorline.video.entity;

import java.time.Instant;

/** What a participant's page needs to join the call. */
public record VideoGrant(String domain, String room, String jwt, Instant expiresAt) {

  @Override
  public String toString() {
    return "VideoGrant[room=" + room + ", expiresAt=" + expiresAt + "]";
  }
}
