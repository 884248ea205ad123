package com.directorline.problems.boundary;

import com.directorline.problems.entity.Problem;
import com.directorline.problems.entity.Violation;
import java.util.List;

/**
 * An expected failure with a problem document. Components subclass it per situation ({@code
 * NotFound}, {@code AccountLocked}); {@link ProblemExceptionMapper} renders it wherever it is
 * thrown, filters included. The detail is shown to the caller, so it must never contain patient
 * data. A plain unchecked exception: it needs no JAX-RS runtime to be created, so entities' and
 * controls' unit tests can throw and inspect it.
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public ProblemException(int status, String typeSlug, String title, String detail) {
    this(status, typeSlug, title, detail, List.of());
  }

  public ProblemException(
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

  public java.util.Map<String, String> headers() {
    return java.util.Collections.unmodifiableMap(headers);
  }
}
