package com.directorline.problems.boundary;

import com.directorline.problems.entity.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/** Renders a problem as a JAX-RS response for the current request. */
final class Problems {

  private Problems() {}

  static Response render(Problem problem, HttpServletRequest request) {
    String correlationId = request == null ? null : CorrelationId.of(request);
    Problem located = problem.at(Problem.instanceOf(correlationId), correlationId);
    return Response.status(problem.status(), problem.title())
        .type(Problem.MEDIA_TYPE)
        .entity(located.toJson().toString())
        .build();
  }
}
