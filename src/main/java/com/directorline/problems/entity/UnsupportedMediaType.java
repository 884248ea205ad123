package com.directorline.problems.entity;

/** 415: the body is not of a kind this endpoint understands. */
public class UnsupportedMediaType extends ProblemException {

  public UnsupportedMediaType(String typeSlug, String detail) {
    super(415, typeSlug, detail);
  }
}
