package com.directorline.problems.entity;

/**
 * 404: the object does not exist or belongs to another clinic. Both answer the same, so a caller
 * learns nothing about other clinics' data.
 */
public class NotFound extends ProblemException {

  public NotFound(String what) {
    super(404, "not-found", "No " + what + " with this id is visible to you.");
  }
}
