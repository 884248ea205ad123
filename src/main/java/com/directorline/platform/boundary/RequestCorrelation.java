package com.directorline.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id (a well-formed incoming {@code X-Correlation-Id} is kept, so
 * a gateway's id carries through), answers it in the same header, and sets the hardening headers
 * every answer needs. API answers are never cached: they may carry patient data.
 */
@WebFilter(filterName = "RequestCorrelation", urlPatterns = "/*", asyncSupported = true)
public class RequestCorrelation extends HttpFilter {

  public static final String HEADER = "X-Correlation-Id";
  static final String ATTRIBUTE = "directorline.correlationId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

  /**
   * The pages' policy: our own scripts and styles only (no inline script), the Jitsi IFrame API and
   * its call frame from the configured Jitsi domain only, photos from our API or blobs, and never
   * framed by anyone.
   */
  private static final class PagePolicy {
    // A holder, read on the first page served: classes that only ask for the correlation id
    // (and their unit tests, without MicroProfile Config) never load the configuration.
    static final String VALUE =
        pagePolicy(
            org.eclipse.microprofile.config.ConfigProvider.getConfig(
                    RequestCorrelation.class.getClassLoader())
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
    String id = of(request);
    response.setHeader(HEADER, id);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader("X-Frame-Options", "DENY");
    if (request.getRequestURI().startsWith("/api/")) {
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    } else {
      response.setHeader("Content-Security-Policy", PagePolicy.VALUE);
    }
    chain.doFilter(request, response);
  }

  /** The request's correlation id, assigned on first use. */
  public static String of(HttpServletRequest request) {
    Object existing = request.getAttribute(ATTRIBUTE);
    if (existing instanceof String id) {
      return id;
    }
    String incoming = request.getHeader(HEADER);
    String id =
        incoming != null && WELL_FORMED.matcher(incoming).matches()
            ? incoming
            : UUID.randomUUID().toString();
    request.setAttribute(ATTRIBUTE, id);
    return id;
  }
}
