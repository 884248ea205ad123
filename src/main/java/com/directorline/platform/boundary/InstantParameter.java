package com.directorline.platform.boundary;

import com.directorline.problems.entity.InvalidInput;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An instant a client writes in a query parameter or a header: ISO-8601 in UTC, blank meaning
 * absent; anything else is 400 naming the parameter, never the value (it may be patient data).
 */
public final class InstantParameter {

  public static final String RULE =
      "must be an ISO-8601 UTC time such as 2026-11-23T08:00:00Z, in the years 1 to 9999";

  private InstantParameter() {}

  /**
   * The earliest and latest instants taken: the years 1 to 9999. Beyond them Java's and
   * PostgreSQL's calendars part ways and adding a day to a billion-year instant overflows: a client
   * asking for the year +1000000000 got a 500.
   */
  public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /** The instant, or null when the value is absent or blank. */
  public static Instant parse(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    Instant instant = parsed(value.strip());
    if (instant == null) {
      throw InvalidInput.of(name, RULE);
    }
    return instant;
  }

  /** The instant written, within the years 1 to 9999; null when it is not one. */
  public static Instant parsed(String value) {
    try {
      Instant instant = Instant.parse(value);
      return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
