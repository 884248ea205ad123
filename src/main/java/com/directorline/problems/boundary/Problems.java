package com.directorline.problems.boundary;

import com.directorline.platform.boundary.RequestCorrelation;
import com.directorline.problems.entity.Problem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;

/** Renders a problem as a JAX-RS response for the current request. */
final class Problems {

  private Problems() {}

  static Response render(Problem problem, HttpServletRequest request) {
    Problem located =
        problem.at(
            request == null ? null : request.getRequestURI(),
            request == null ? null : RequestCorrelation.of(request));
    return Response.status(problem.status())
        .type(Problem.MEDIA_TYPE)
        .entity(located.toJson().toString())
        .build();
  }
}
