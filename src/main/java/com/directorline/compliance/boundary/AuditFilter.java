package com.directorline.compliance.boundary;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.control.AuditQuery;
import com.directorline.platform.boundary.InstantParameter;
import com.directorline.problems.entity.InvalidInput;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filters the trail's search and export share, as their query parameters arrived. Read as text
 * and parsed here, so a bad value answers 400 naming the parameter (JAX-RS would answer 404 for a
 * query parameter it cannot convert). The resources list the parameters one by one rather than as a
 * {@code @BeanParam}, because Payara's OpenAPI document leaves bean parameters out.
 */
public record AuditFilter(
    String from,
    String to,
    String userId,
    String patientRef,
    String emergencyId,
    String action,
    String outcome,
    String purpose) {

  AuditQuery toQuery() {
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw InvalidInput.of("from", "must be before to");
    }
    return new AuditQuery(
        start,
        end,
        uuid("userId", userId),
        patientRef == null ? null : patientRef(patientRef),
        uuid("emergencyId", emergencyId),
        action == null ? null : parse("action", action, AuditAction::valueOf, AuditAction.values()),
        outcome == null
            ? null
            : parse("outcome", outcome, AuditOutcome::valueOf, AuditOutcome.values()),
        purpose == null ? null : parse("purpose", purpose, Purpose::valueOf, Purpose.values()));
  }

  static Instant instant(String name, String value) {
    return InstantParameter.parse(name, value);
  }

  static UUID uuid(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(value.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of(name, "must be a UUID");
    }
  }

  static String patientRef(String value) {
    String ref = value.strip();
    if (ref.isEmpty() || ref.length() > 64) {
      throw InvalidInput.of("patientRef", "must be 1 to 64 characters");
    }
    return ref;
  }

  static int number(String name, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw InvalidInput.of(name, "must be a whole number from " + min + " to " + max);
  }

  static <E extends Enum<E>> E parse(
      String name, String value, Function<String, E> valueOf, E[] values) {
    try {
      return valueOf.apply(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of(
          name,
          "must be one of "
              + Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
    }
  }
}
