package com.directorline.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.Violation;
import org.junit.jupiter.api.Test;

/** One rule for every break-glass read: a reason is required, a sentence, and kept whole. */
class BreakGlassReasonTest {

  @Test
  void noReasonIsForbiddenAndSaysWhatTheOfficerWasDoing() {
    Forbidden refused =
        catchThrowableOfType(
            Forbidden.class, () -> BreakGlassReason.required("  ", "downloads a chart"));
    assertThat(refused.problem().status()).isEqualTo(403);
    assertThat(refused.problem().detail())
        .startsWith("A compliance officer downloads a chart only with a reason")
        .contains("X-Break-Glass-Reason");
  }

  @Test
  void aWordIsNotAReasonAndNoReasonIsCutShort() {
    assertThat(violation(" " + "x".repeat(19) + " ").field()).isEqualTo("X-Break-Glass-Reason");
    assertThat(violation(" " + "x".repeat(19) + " ").message()).contains("at least 20");
    // Longer than the trail keeps: refused, rather than recorded cut short.
    assertThat(violation("x".repeat(501)).message()).isEqualTo("must be at most 500 characters");
    assertThat(BreakGlassReason.required(" " + "y".repeat(500) + "\n", "sees a photo"))
        .hasSize(500);
  }

  private static Violation violation(String reason) {
    InvalidInput invalid =
        catchThrowableOfType(
            InvalidInput.class, () -> BreakGlassReason.required(reason, "sees a photo"));
    assertThat(invalid.problem().status()).isEqualTo(400);
    return invalid.problem().violations().get(0);
  }
}
