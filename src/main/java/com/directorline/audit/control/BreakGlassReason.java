package com.directorline.audit.control;

import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.InvalidInput;

/**
 * The reason a compliance officer gives for reaching patient data outside the treatment (a photo, a
 * chart), in the {@code X-Break-Glass-Reason} header: required, a sentence (at least 20
 * characters), and at most 500, which is what the trail keeps. One rule for every break-glass read,
 * so that none is recorded cut short and none passes with a word.
 */
public final class BreakGlassReason {

  public static final String HEADER = "X-Break-Glass-Reason";
  static final int MIN = 20;
  static final int MAX = 500;

  private BreakGlassReason() {}

  /**
   * The reason, stripped, or a 403 when there is none and a 400 naming the header when it is too
   * short or too long. {@code what} completes "A compliance officer ... only with a reason", e.g.
   * "sees a photo".
   */
  public static String required(String reason, String what) {
    if (reason == null || reason.isBlank()) {
      throw new Forbidden(
          "break-glass-reason-required",
          "A compliance officer "
              + what
              + " only with a reason in the "
              + HEADER
              + " header; the access is flagged for review.");
    }
    String stripped = reason.strip();
    if (stripped.length() < MIN) {
      throw InvalidInput.of(
          HEADER, "must say why in a sentence of at least " + MIN + " characters");
    }
    if (stripped.length() > MAX) {
      throw InvalidInput.of(HEADER, "must be at most " + MAX + " characters");
    }
    return stripped;
  }
}
