package com.directorline.testing;

import jakarta.json.JsonObject;
import java.util.List;

/** The flagged events an answer of {@code GET /api/audit/flags} shows, across its groups. */
public final class Flags {

  private Flags() {}

  public static List<JsonObject> items(Reply flags) {
    return flags.json().getJsonArray("groups").stream()
        .flatMap(g -> g.asJsonObject().getJsonArray("items").stream())
        .map(v -> v.asJsonObject())
        .toList();
  }
}
