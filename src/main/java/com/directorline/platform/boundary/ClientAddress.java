package com.directorline.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's address: the socket's peer, or, behind a reverse proxy, the first entry of the
 * header named by {@code directorline.http.client-ip-header} (e.g. X-Forwarded-For). The header is
 * honoured only when configured, because any client can send it.
 */
public final class ClientAddress {

  private static final String HEADER =
      ConfigProvider.getConfig(ClientAddress.class.getClassLoader())
          .getOptionalValue("directorline.http.client-ip-header", String.class)
          .orElse("");

  private ClientAddress() {}

  public static String of(HttpServletRequest request) {
    if (!HEADER.isBlank()) {
      String forwarded = request.getHeader(HEADER);
      if (forwarded != null && !forwarded.isBlank()) {
        String first = forwarded.split(",")[0].strip();
        return first.length() > 64 ? first.substring(0, 64) : first;
      }
    }
    return request.getRemoteAddr();
  }
}
