package com.directorline.problems.entity;

/** 400: the request cannot be taken as it arrived (e.g. cut off); see {@link InvalidInput}. */
public class BadRequest extends ProblemException {

  public BadRequest(String typeSlug, String detail) {
    super(400, typeSlug, detail);
  }
}
