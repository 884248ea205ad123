package com.directorline.platform.boundary;

import com.directorline.problems.entity.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An instant a client writes in a query parameter or a header: ISO-8601 in UTC, blank meaning
 * absent; anything else is 400 naming the parameter, never the value (it may be patient data).
 */
public final class InstantParameter {

  public static final String RULE = "must be an ISO-8601 UTC time such as 2026-11-23T08:00:00Z";

  private InstantParameter() {}

  /** The instant, or null when the value is absent or blank. */
  public static Instant parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInput.of(name, RULE);
    }
  }
}
