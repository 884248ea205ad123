package com.directorline.platform.boundary;

import com.directorline.problems.boundary.CorrelationId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Answers every request's correlation id ({@link CorrelationId}) in {@code X-Correlation-Id} and
 * sets the hardening headers every answer needs. API answers are never cached: they may carry
 * patient data.
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
    chain.doFilter(request, response);
  }
}
