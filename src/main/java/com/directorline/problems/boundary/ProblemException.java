package com.directorline.problems.boundary;

import com.directorline.problems.entity.Problem;
import com.directorline.problems.entity.Violation;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;

/**
 * An expected failure with a problem document. Components subclass it per situation ({@code
 * NotFound}, {@code AccountLocked}); the mapper renders it. The detail is shown to the caller,
 * so it must never contain patient data.
 */
public class ProblemException extends WebApplicationException {

  private final transient Problem problem;
  private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

  public ProblemException(int status, String typeSlug, String title, String detail) {
    this(status, typeSlug, title, detail, List.of());
  }

  public ProblemException(
      int status, String typeSlug, String title, String detail, List<Violation> violations) {
    super(detail, status);
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
