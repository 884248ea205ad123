package com.directorline.problems.entity;

/** 503: the server cannot take this now but will soon; {@code Retry-After} says when. */
public class ServiceUnavailable extends ProblemException {

  public ServiceUnavailable(String typeSlug, String detail, long retryAfterSeconds) {
    super(503, typeSlug, detail);
    header("Retry-After", String.valueOf(retryAfterSeconds));
  }
}
