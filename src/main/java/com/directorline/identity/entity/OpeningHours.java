package com.directorline.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * One span of a clinic's opening hours on one weekday, in the clinic's own time zone. A span ends
 * before midnight; a clinic open late has a second span the next day.
 */
@Embeddable
public class OpeningHours {

  /** Weekday first, then the opening time: how a week is read. */
  public static final Comparator<OpeningHours> IN_WEEK_ORDER =
      Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::opens);

  @Enumerated(EnumType.STRING)
  @Column(name = "day_of_week", nullable = false, length = 9)
  private DayOfWeek day;

  @Column(nullable = false)
  private LocalTime opens;

  @Column(nullable = false)
  private LocalTime closes;

  protected OpeningHours() {}

  public OpeningHours(DayOfWeek day, LocalTime opens, LocalTime closes) {
    this.day = Objects.requireNonNull(day, "day");
    this.opens = Objects.requireNonNull(opens, "opens");
    this.closes = Objects.requireNonNull(closes, "closes");
    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException("a span closes after it opens");
    }
  }

  public DayOfWeek day() {
    return day;
  }

  public LocalTime opens() {
    return opens;
  }

  public LocalTime closes() {
    return closes;
  }

  /** Whether this span holds the wall-clock moment (opening time included, closing excluded). */
  public boolean contains(LocalDateTime local) {
    LocalTime time = local.toLocalTime();
    return local.getDayOfWeek() == day && !time.isBefore(opens) && time.isBefore(closes);
  }

  boolean overlaps(OpeningHours other) {
    return day == other.day && opens.isBefore(other.closes) && other.opens.isBefore(closes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof OpeningHours that
        && day == that.day
        && Objects.equals(opens, that.opens)
        && Objects.equals(closes, that.closes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(day, opens, closes);
  }

  @Override
  public String toString() {
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + opens + "-" + closes;
  }
}
