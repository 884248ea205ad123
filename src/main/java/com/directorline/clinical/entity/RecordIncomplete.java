package com.directorline.clinical.entity;

import com.directorline.problems.entity.Conflict;
import java.util.List;

/** 409: the record lacks what a signature needs; the detail names the fields. */
public class RecordIncomplete extends Conflict {

  public RecordIncomplete(List<String> missing) {
    super(
        "record-incomplete",
        "Before it is signed the record needs: " + String.join(", ", missing) + ".");
  }
}
