package com.directorline.problems.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The request's correlation id: answered in {@code X-Correlation-Id}, quoted by every problem
 * document and log line about the request, and recorded with its audit events. A well-formed
 * incoming id is kept, so a gateway's id carries through. It lives here, on the ground floor,
 * because the error answers need it first; the platform's filter only puts it on every response.
 */
public final class CorrelationId {

  public static final String HEADER = "X-Correlation-Id";
  static final String ATTRIBUTE = "directorline.correlationId";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9-]{8,64}");

  private CorrelationId() {}

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
