package com.directorline.platform.boundary;

import com.directorline.problems.entity.InvalidInput;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

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

  /** A period [from, to) a client asks for. */
  public record Period(Instant from, Instant to) {}

  /**
   * A period looking back: {@code to} defaults to now, {@code from} to {@code back} before it; from
   * must be before to (400 naming from).
   */
  public static Period endingNow(String from, String to, Duration back, Clock clock) {
    Instant end = Optional.ofNullable(parse("to", to)).orElseGet(clock::instant);
    Instant start = Optional.ofNullable(parse("from", from)).orElseGet(() -> end.minus(back));
    if (!start.isBefore(end)) {
      throw InvalidInput.of("from", "must be before to");
    }
    return new Period(start, end);
  }

  /**
   * A period looking ahead: {@code from} defaults to now, {@code to} to {@code ahead} after it. The
   * control that reads it checks the order and the longest span it serves.
   */
  public static Period startingNow(String from, String to, Duration ahead, Clock clock) {
    Instant start = Optional.ofNullable(parse("from", from)).orElseGet(clock::instant);
    Instant end = Optional.ofNullable(parse("to", to)).orElseGet(() -> start.plus(ahead));
    return new Period(start, end);
  }
}
