package com.directorline.problems.boundary;

import com.directorline.problems.entity.Problem;
import com.directorline.problems.entity.StatusTitles;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error page for everything the container answers by itself (web.xml maps all errors here):
 * unknown static paths, failed authentication, errors outside JAX-RS.
 */
@WebServlet(name = "ProblemServlet", urlPatterns = "/problem")
public class ProblemServlet extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ProblemServlet.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : HttpServletResponse.SC_NOT_FOUND;
    String correlationId = CorrelationId.of(request);
    Object error = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (error instanceof Throwable throwable) {
      status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
      LOG.log(
          Level.SEVERE,
          "unexpected error correlationId=" + correlationId,
          WithheldMessages.of(throwable));
    }
    Problem problem =
        Problem.forStatus(status, StatusTitles.defaultDetail(status))
            .at(Problem.instanceOf(correlationId), correlationId);
    response.setStatus(status);
    response.setHeader(CorrelationId.HEADER, correlationId);
    response.setHeader("Cache-Control", "no-store");
    response.setContentType(Problem.MEDIA_TYPE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(problem.toJson().toString());
  }
}
