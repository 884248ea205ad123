package com.directorline.oncall.entity;

/** A line of the roster: who is called first, and who next. */
public enum Line {
  PRIMARY,
  BACKUP
}
