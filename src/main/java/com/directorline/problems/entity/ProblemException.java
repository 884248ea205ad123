package com.directorline.problems.entity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expected failure with a problem document. Every status has a class named after it here ({@link
 * BadRequest}, {@link Forbidden}, {@link Conflict}...), and components subclass those per situation
 * ({@code NotParticipant}, {@code AccountLocked}), so no code outside this package writes a status
 * number: the constructors are package-private. The mappers render it wherever it is thrown,
 * filters included. The detail is shown to the caller, so it must never contain patient data.
 *
 * <p>A plain unchecked exception on the ground floor: it needs no JAX-RS runtime to be created, so
 * entities and controls throw it, and their unit tests inspect it.
 */
public abstract class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final Map<String, String> headers = new LinkedHashMap<>();

  ProblemException(int status, String typeSlug, String detail) {
    this(status, typeSlug, StatusTitles.titleOf(status), detail, List.of());
  }

  ProblemException(
      int status, String typeSlug, String title, String detail, List<Violation> violations) {
    super(detail);
    this.problem =
        new Problem(Problem.typeOf(typeSlug), title, status, detail, null, null, violations);
  }

  public Problem problem() {
    return problem;
  }

  /** Adds a header to the answer, e.g. {@code Retry-After} or {@code WWW-Authenticate}. */
  protected final void header(String name, String value) {
    headers.put(name, value);
  }

  public Map<String, String> headers() {
    return Collections.unmodifiableMap(headers);
  }
}
