package com.directorline.problems.entity;

/** 413: the body is larger than this endpoint takes; the detail says the limit. */
public class ContentTooLarge extends ProblemException {

  public ContentTooLarge(String typeSlug, String detail) {
    super(413, typeSlug, detail);
  }
}
