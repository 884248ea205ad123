package com.directorline.platform.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
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

  /**
   * The reverse proxies (their addresses as the server sees them) whose {@code X-Forwarded-Proto}
   * counts: behind a TLS-terminating proxy the request reaches us over plain http, yet the browser
   * used https, so the cookie must be Secure and HSTS sent. From anyone else the header is ignored.
   */
  private static final Set<String> TRUSTED_PROXIES =
      Arrays.stream(
              ConfigProvider.getConfig(ClientAddress.class.getClassLoader())
                  .getOptionalValue("directorline.http.trusted-proxies", String.class)
                  .orElse("")
                  .split(","))
          .map(String::strip)
          .filter(a -> !a.isEmpty())
          .collect(Collectors.toUnmodifiableSet());

  private ClientAddress() {}

  /**
   * Whether the browser reached us over HTTPS: directly, or through a trusted proxy that says so.
   */
  public static boolean isHttps(HttpServletRequest request) {
    if (request.isSecure()) {
      return true;
    }
    return TRUSTED_PROXIES.contains(request.getRemoteAddr())
        && "https".equalsIgnoreCase(String.valueOf(request.getHeader("X-Forwarded-Proto")).strip());
  }

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
