package com.directorline.problems.entity;

/** 409: the request is well-formed but clashes with the current state. */
public class Conflict extends ProblemException {

  public Conflict(String typeSlug, String detail) {
    super(409, typeSlug, detail);
  }
}
