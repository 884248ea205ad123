package com.directorline.escalation.control;

import com.directorline.problems.entity.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where a clinic's webhook may point: an https URL whose host resolves only to public addresses. A
 * clinic admin must not be able to make the server POST to itself, to the cloud's metadata service
 * (169.254.169.254) or to anything else on the private network, and then read in the delivery log
 * what listens where. Checked when the URL is set and again before every delivery, because a name
 * can resolve differently later; the JVM caches each lookup for 30 s, so the delivery connects to
 * the address that was checked a moment before.
 *
 * <p>Operators may allow plain http ({@code directorline.webhooks.allow-http}, for development) and
 * name internal addresses a webhook may reach, such as an on-premises pager gateway ({@code
 * directorline.webhooks.internal-addresses}).
 */
@ApplicationScoped
public class WebhookTargets {

  /** Turns a host name into its addresses; the JVM's resolver outside tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /**
   * A host whose last label is a number is an IPv4 address (as browsers and curl read it, in hex,
   * octal or as one integer: 0x7f000001, 2130706433, 0177.0.0.1); only dotted decimal is taken.
   */
  private static final Pattern NUMERIC_LAST_LABEL = Pattern.compile("(?i)\\d+|0x[0-9a-f]*");

  private static final Pattern DOTTED_DECIMAL =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  @Inject
  @ConfigProperty(name = "directorline.webhooks.allow-http", defaultValue = "false")
  boolean allowHttp;

  /** Comma-separated; read as one string because Payara cannot inject Optional<List<String>>. */
  @Inject
  @ConfigProperty(name = "directorline.webhooks.internal-addresses")
  Optional<String> internalAddresses;

  private Set<InetAddress> allowedInternal = Set.of();
  private Resolver resolver = InetAddress::getAllByName;

  public WebhookTargets() {}

  /** For tests: the settings and resolver given. */
  public WebhookTargets(boolean allowHttp, Set<InetAddress> allowedInternal, Resolver resolver) {
    this.allowHttp = allowHttp;
    this.allowedInternal = Set.copyOf(allowedInternal);
    this.resolver = resolver;
  }

  @PostConstruct
  void read() {
    allowedInternal =
        Arrays.stream(internalAddresses.orElse("").split(","))
            .map(String::strip)
            .filter(a -> !a.isEmpty())
            .map(WebhookTargets::literal)
            .collect(Collectors.toUnmodifiableSet());
  }

  private static InetAddress literal(String address) {
    if (!DOTTED_DECIMAL.matcher(address).matches() && !address.contains(":")) {
      throw new IllegalArgumentException(
          "directorline.webhooks.internal-addresses takes IP addresses, not names");
    }
    try {
      return InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(
          "not an IP address in directorline.webhooks.internal-addresses");
    }
  }

  /**
   * Refuses a URL the server must not call, with 400 naming {@code url}.
   *
   * @throws InvalidInput naming the field {@code url} and what is wrong
   */
  public void requireAllowed(String url) {
    String problem = problemWith(url);
    if (problem != null) {
      throw InvalidInput.of("url", problem);
    }
  }

  /** What is wrong with calling this URL now, or null when it may be called. */
  public String problemWith(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "must be a valid URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
      return allowHttp ? "must be an http or https URL" : "must be an https URL";
    }
    if (uri.getRawUserInfo() != null) {
      return "must not carry a user name or password";
    }
    String host = uri.getHost();
    if ((host == null || host.isEmpty()) && uri.getRawAuthority() != null) {
      // java.net.URI finds no host in 127.1 or 0x7f.0.0.1: not a name, not dotted decimal.
      return "must name its host by a DNS name or a dotted IPv4 address";
    }
    if (host == null || host.isEmpty()) {
      return "must name a host";
    }
    boolean bracketed = host.startsWith("[");
    String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    String lastLabel = bare.substring(bare.lastIndexOf('.') + 1);
    if (!bracketed
        && NUMERIC_LAST_LABEL.matcher(lastLabel).matches()
        && !DOTTED_DECIMAL.matcher(bare).matches()) {
      return "must name its host by a DNS name or a dotted IPv4 address";
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bracketed ? host.substring(1, host.length() - 1) : host);
    } catch (UnknownHostException e) {
      return "names a host that cannot be resolved";
    }
    if (addresses.length == 0) {
      return "names a host that cannot be resolved";
    }
    if (Arrays.stream(addresses).anyMatch(a -> !allowedInternal.contains(a) && isInternal(a))) {
      return "must point to a public address, not a loopback, private, link-local or reserved one";
    }
    return null;
  }

  /**
   * Loopback, private, link-local, unique-local, multicast, reserved, or such an IPv4 inside IPv6.
   */
  static boolean isInternal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isInternalV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return true; // fc00::/7 unique local
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x02) {
        return isInternalV4(Arrays.copyOfRange(b, 2, 6)); // 2002::/16 6to4
      }
      if (first == 0x00
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b
          && b[4] == 0
          && (b[5] & 0xff) == 0x01) {
        return true; // 64:ff9b:1::/48 local-use NAT64: the operator's own translator
      }
      boolean zeroPrefix = true;
      for (int i = 0; i < 10; i++) {
        zeroPrefix &= b[i] == 0;
      }
      if (zeroPrefix) {
        // ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped) carry an IPv4 address.
        return isInternalV4(Arrays.copyOfRange(b, 12, 16));
      }
      boolean siit = true;
      for (int i = 0; i < 8; i++) {
        siit &= b[i] == 0;
      }
      if (siit && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && b[10] == 0 && b[11] == 0) {
        return isInternalV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:0:a.b.c.d (SIIT)
      }
      if (first == 0x20 && (b[1] & 0xff) == 0x01 && b[2] == 0 && b[3] == 0) {
        // 2001::/32 Teredo: a tunnel to whatever IPv4 host the address encodes. No gateway is
        // reached that way; refused rather than decoded.
        return true;
      }
      boolean discard = first == 0x01;
      for (int i = 1; i < 8; i++) {
        discard &= b[i] == 0;
      }
      if (discard) {
        return true; // 100::/64 discard-only
      }
      if ((b[0] & 0xff) == 0x00
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b) {
        return isInternalV4(Arrays.copyOfRange(b, 12, 16)); // 64:ff9b::/96 NAT64
      }
      return first == 0x20
          && (b[1] & 0xff) == 0x01
          && (b[2] & 0xff) == 0x0d
          && (b[3] & 0xff) == 0xb8;
    }
    return true;
  }

  private static boolean isInternalV4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return a0 == 0 // this network
        || a0 == 10
        || a0 == 127
        || (a0 == 100 && a1 >= 64 && a1 <= 127) // carrier-grade NAT
        || (a0 == 169 && a1 == 254)
        || (a0 == 172 && a1 >= 16 && a1 <= 31)
        || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
        || (a0 == 192 && a1 == 0 && a2 == 2) // documentation
        || (a0 == 192 && a1 == 168)
        || (a0 == 198 && (a1 == 18 || a1 == 19)) // benchmarking
        || (a0 == 198 && a1 == 51 && a2 == 100) // documentation
        || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
        || a0 >= 224; // multicast, reserved, broadcast
  }
}
