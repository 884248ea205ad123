package com.directorline.problems.entity;

/** 403: the caller is known, and this is not theirs to do. */
public class Forbidden extends ProblemException {

  public Forbidden(String typeSlug, String detail) {
    super(403, typeSlug, detail);
  }
}
