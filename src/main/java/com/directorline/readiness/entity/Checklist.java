package com.directorline.readiness.entity;

import java.util.List;

/** A clinic's readiness: each requirement met or not, with what is there or what is missing. */
public record Checklist(List<Entry> items) {

  public record Entry(Requirement requirement, boolean ready, String detail) {}

  public Checklist {
    items = List.copyOf(items);
  }

  /** Ready when every item is. */
  public boolean ready() {
    return items.stream().allMatch(Entry::ready);
  }

  public long missing() {
    return items.stream().filter(i -> !i.ready()).count();
  }
}
