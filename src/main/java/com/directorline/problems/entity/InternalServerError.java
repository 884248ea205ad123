package com.directorline.problems.entity;

/**
 * 500 for a failure we recognise and name (stored data that fails its integrity check), as opposed
 * to the unexpected ones the mappers answer with only a correlation id.
 */
public class InternalServerError extends ProblemException {

  public InternalServerError(String typeSlug, String detail) {
    super(500, typeSlug, detail);
  }
}
