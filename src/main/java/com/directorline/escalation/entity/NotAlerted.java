package com.directorline.escalation.entity;

import com.directorline.problems.entity.Forbidden;

/** 403: a director answers only an emergency they were alerted for (and did not decline). */
public class NotAlerted extends Forbidden {

  public NotAlerted() {
    super("not-alerted", "You have not been alerted for this emergency.");
  }
}
