package com.directorline.emergencies.entity;

import com.directorline.problems.boundary.ProblemException;

/** 409: the emergency is not in a state that allows this; the detail says which state it is in. */
public class IllegalTransition extends ProblemException {

  public IllegalTransition(String detail) {
    super(409, "illegal-transition", "Conflict", detail);
  }
}
