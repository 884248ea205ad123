package com.directorline.problems.boundary;

import com.directorline.problems.entity.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ProblemException exception) {
    Response.ResponseBuilder builder =
        Response.fromResponse(Problems.render(exception.problem(), request));
    exception.headers().forEach(builder::header);
    return builder.build();
  }
}
