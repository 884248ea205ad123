package com.directorline.problems.entity;

/** 422: understood, but too much or too big to do (an image over the pixel limit, a huge range). */
public class UnprocessableContent extends ProblemException {

  public UnprocessableContent(String typeSlug, String detail) {
    super(422, typeSlug, detail);
  }
}
