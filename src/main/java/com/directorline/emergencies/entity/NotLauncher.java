package com.directorline.emergencies.entity;

import com.directorline.problems.entity.Forbidden;

/** 403: only the injector who launched the emergency may do this. */
public class NotLauncher extends Forbidden {

  public NotLauncher(String detail) {
    super("not-launcher", detail);
  }
}
