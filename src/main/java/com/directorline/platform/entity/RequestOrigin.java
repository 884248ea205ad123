package com.directorline.platform.entity;

/** Where a request came from: client address, user agent and correlation id. */
public record RequestOrigin(String clientIp, String userAgent, String correlationId) {

  public static final RequestOrigin SYSTEM = new RequestOrigin(null, "directorline", null);
}
