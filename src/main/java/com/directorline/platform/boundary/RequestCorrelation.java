package com.directorline.platform.boundary;

import com.directorline.platform.control.StatementCounts;
import com.directorline.problems.boundary.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers every request's correlation id ({@link CorrelationId}) in {@code X-Correlation-Id} and
 * sets the hardening headers every answer needs. API answers are never cached: they may carry
 * patient data. It also refuses, as problem+json, two requests the container would otherwise answer
 * with an empty body: TRACE, and headers beyond {@link #MAX_HEADER_BYTES}.
 */
@WebFilter(filterName = "RequestCorrelation", urlPatterns = "/*", asyncSupported = true)
public class RequestCorrelation extends HttpFilter {

  /**
   * The pages' policy: our own scripts and styles only (no inline script), the Jitsi IFrame API and
   * its call frame from the configured Jitsi domain only, photos from our API or blobs, and never
   * framed by anyone.
   */
  private static final class PagePolicy {
    // A holder, read on the first page served: API answers (and unit tests without MicroProfile
    // Config) never load the configuration.
    static final String VALUE =
        pagePolicy(
            ConfigProvider.getConfig(RequestCorrelation.class.getClassLoader())
                .getOptionalValue("directorline.jitsi.domain", String.class)
                .orElse("localhost:8443"));
  }

  static String pagePolicy(String jitsiDomain) {
    String jitsi = "https://" + jitsiDomain.replaceAll("[^A-Za-z0-9.:-]", "");
    return "default-src 'self'; script-src 'self' "
        + jitsi
        + "; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:;"
        + " connect-src 'self'; frame-src "
        + jitsi
        + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /**
   * The headers one request may carry together. The container's own limit (pre-boot-commands.txt)
   * is set far above it, so that requests between the two get a problem+json answer here instead of
   * the container's empty 400.
   */
  static final int MAX_HEADER_BYTES = 16 * 1024;

  /**
   * The listener for the monitoring network (pre-boot-commands.txt). The container serves this
   * application there too; it answers /metrics only, so nothing else is reachable by another way.
   */
  private static final int METRICS_PORT = Integer.getInteger("directorline.metrics.port", -1);

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(CorrelationId.HEADER, CorrelationId.of(request));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    if (ClientAddress.isHttps(request)) {
      // Only over HTTPS (RFC 6797): the browser then refuses plain http here for a year.
      response.setHeader("Strict-Transport-Security", "max-age=31536000");
    }
    if (request.getRequestURI().startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    } else {
      response.setHeader("Content-Security-Policy", PagePolicy.VALUE);
    }
    if (request.getLocalPort() == METRICS_PORT && !request.getRequestURI().startsWith("/metrics")) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if ("TRACE".equals(request.getMethod())) {
      // The listener lets TRACE through only so that it is refused here as problem+json: no
      // servlet's doTrace may ever echo the request's headers (cookies included) back.
      response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
      return;
    }
    if (headerBytes(request) > MAX_HEADER_BYTES) {
      response.sendError(431);
      return;
    }
    StatementCounts.Tally tally =
        StatementCounts.open(
            CorrelationId.of(request), request.getMethod(), request.getRequestURI());
    try {
      chain.doFilter(request, response);
    } finally {
      StatementCounts.closeRequest(tally);
    }
  }

  /** The request's header lines as sent: name, colon, space, value and line end. */
  static long headerBytes(HttpServletRequest request) {
    long total = 0;
    for (String name : Collections.list(request.getHeaderNames())) {
      for (String value : Collections.list(request.getHeaders(name))) {
        total += name.length() + value.length() + 4;
      }
    }
    return total;
  }
}
