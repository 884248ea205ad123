package com.directorline.emergencies.entity;

import com.directorline.problems.entity.Forbidden;

/** 403: only the launching injector and the accepting director may do this. */
public class NotParticipant extends Forbidden {

  public NotParticipant(String detail) {
    super("not-participant", detail);
  }
}
