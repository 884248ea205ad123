package com.directorline.problems.entity;

/** 429: not now; {@code Retry-After} says when. */
public class TooManyRequests extends ProblemException {

  public TooManyRequests(String typeSlug, String detail, long retryAfterSeconds) {
    super(429, typeSlug, detail);
    header("Retry-After", String.valueOf(retryAfterSeconds));
  }
}
