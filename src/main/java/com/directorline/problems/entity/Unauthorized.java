package com.directorline.problems.entity;

/** 401: the caller is not signed in, or not as who they claim. */
public class Unauthorized extends ProblemException {

  public Unauthorized(String typeSlug, String detail) {
    super(401, typeSlug, detail);
  }
}
