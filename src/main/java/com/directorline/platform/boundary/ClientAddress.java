package com.directorline.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's address: the socket's peer, or, behind a reverse proxy, the last entry of the header
 * named by {@code directorline.http.client-ip-header} (e.g. X-Forwarded-For): the address the proxy
 * itself saw. Earlier entries are whatever the client sent, so a client could otherwise pick a new
 * address for every guess at a password. The header is honoured only when configured, because any
 * client can send it.
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
        String nearest = forwarded.substring(forwarded.lastIndexOf(',') + 1).strip();
        return nearest.length() > 64 ? nearest.substring(0, 64) : nearest;
      }
    }
    return request.getRemoteAddr();
  }
}
