package com.directorline.problems.entity;

import java.util.List;

/** 400: the input breaks the named fields' rules. */
public class InvalidInput extends ProblemException {

  public InvalidInput(List<Violation> violations) {
    super(
        400,
        "validation",
        "Invalid input",
        "The request has " + violations.size() + " invalid field(s); see violations.",
        violations);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new Violation(field, message)));
  }
}
