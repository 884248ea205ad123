package com.directorline.emergencies.entity;

import com.directorline.problems.entity.Conflict;

/** 409: the emergency is not in a state that allows this; the detail says which state it is in. */
public class IllegalTransition extends Conflict {

  public IllegalTransition(String detail) {
    super("illegal-transition", detail);
  }
}
