package com.directorline.problems.boundary;

import com.directorline.problems.entity.Problem;
import com.directorline.problems.entity.StatusTitles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything unexpected: 500 with a correlation id, the stack trace only in the log. Exception
 * messages are never shown, because a driver or JPA message may quote patient data. A database that
 * cannot be reached is not unexpected: 503 with {@code Retry-After}, and the pool reconnects by
 * itself once it is back.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String correlationId = request == null ? "-" : CorrelationId.of(request);
    if (DatabaseUnavailable.isCause(exception)) {
      LOG.warning(
          () ->
              "database unreachable, answered 503 correlationId="
                  + correlationId
                  + " ("
                  + exception.getClass().getName()
                  + ")");
      DatabaseUnavailable unavailable = new DatabaseUnavailable();
      Response.ResponseBuilder builder =
          Response.fromResponse(Problems.render(unavailable.problem(), request));
      unavailable.headers().forEach(builder::header);
      return builder.build();
    }
    if (DatabaseContention.isCause(exception)) {
      LOG.warning(
          () ->
              "transaction given up by the database under contention, answered 503 correlationId="
                  + correlationId);
      DatabaseContention busy = new DatabaseContention();
      Response.ResponseBuilder builder =
          Response.fromResponse(Problems.render(busy.problem(), request));
      busy.headers().forEach(builder::header);
      return builder.build();
    }
    LOG.log(
        Level.SEVERE,
        "unexpected error correlationId=" + correlationId,
        WithheldMessages.of(exception));
    return Problems.render(Problem.forStatus(500, StatusTitles.defaultDetail(500)), request);
  }
}
