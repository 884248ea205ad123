package com.directorline.problems.boundary;

import com.directorline.problems.entity.Problem;
import com.directorline.problems.entity.StatusTitles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The JAX-RS runtime's own errors (unknown path, wrong method, unsupported media type...). Their
 * messages are not shown: they can echo request content.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(WebApplicationExceptionMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    int status = exception.getResponse().getStatus();
    if (status >= 500) {
      LOG.log(
          Level.SEVERE,
          "server error " + status + " correlationId=" + correlation(),
          WithheldMessages.of(exception));
    }
    Problem problem = Problem.forStatus(status, StatusTitles.defaultDetail(status));
    Response.ResponseBuilder builder = Response.fromResponse(Problems.render(problem, request));
    if (exception instanceof NotAllowedException) {
      String allow = exception.getResponse().getHeaderString(HttpHeaders.ALLOW);
      if (allow != null) {
        builder.header(HttpHeaders.ALLOW, allow);
      }
    }
    return builder.build();
  }

  private String correlation() {
    return request == null ? "-" : CorrelationId.of(request);
  }
}
