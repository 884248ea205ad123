package com.directorline.problems.entity;

/** 410: what the request refers to existed once and is no longer usable (a used one-time link). */
public class Gone extends ProblemException {

  public Gone(String typeSlug, String detail) {
    super(410, typeSlug, detail);
  }
}
