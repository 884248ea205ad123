package com.directorline.sessions.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Lets MicroProfile JWT verify the access token wherever the client put it: in {@code
 * Authorization: Bearer} (API clients) or in the session cookie (browsers, including their
 * server-sent event streams).
 *
 * <p>Why: Payara's MP-JWT mechanism reads one place only, and its cookie mode expects an RFC 2109
 * {@code $Version} cookie header that browsers never send. This alternative takes precedence over
 * it and hands it the cookie's token as a bearer header. A stale or forged cookie leaves the caller
 * anonymous rather than failing the request, so a browser can still reach the sign-in endpoint;
 * protected endpoints then answer 401 ({@code SessionCheck}).
 *
 * <p>A token MP-JWT verified is remembered, with the principal and groups it gave, until the token
 * expires or for a minute at most: the same token on the next request is not parsed and its
 * signature not checked again (that was most of the cost of a signed-in request). Only the
 * verification is remembered; whether the token's session is still open is asked on every request
 * ({@code SessionCheck}), so a sign-out still ends the token at once.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class BearerOrCookieAuthentication implements HttpAuthenticationMechanism {

  @Inject BeanManager beanManager;
  @Inject Clock clock;

  private volatile HttpAuthenticationMechanism mpJwt;

  /** What MP-JWT made of a token it verified. */
  private record Verified(Principal caller, Set<String> groups, Instant until) {}

  private final Cache<String, Verified> verified =
      Caffeine.newBuilder()
          .maximumSize(10_000)
          .expireAfterWrite(Duration.ofMinutes(1))
          .executor(Runnable::run)
          .build();

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
      throws AuthenticationException {
    String authorization = request.getHeader("Authorization");
    if (authorization != null) {
      AuthenticationStatus known = known(bearer(authorization), context);
      if (known != null) {
        return known;
      }
      AuthenticationStatus status = mpJwt().validateRequest(request, response, context);
      remember(bearer(authorization), status, context);
      return status;
    }
    String token = SessionCookie.read(request);
    if (token == null || !request.getRequestURI().startsWith("/api/")) {
      return context.doNothing();
    }
    AuthenticationStatus known = known(token, context);
    if (known != null) {
      return known;
    }
    HttpServletRequest withBearer = new BearerRequest(request, token);
    AuthenticationStatus status =
        mpJwt().validateRequest(withBearer, response, new QuietContext(context, withBearer));
    remember(token, status, context);
    return status == AuthenticationStatus.SUCCESS ? status : context.doNothing();
  }

  private static String bearer(String authorization) {
    return authorization.regionMatches(true, 0, "Bearer ", 0, 7)
        ? authorization.substring(7).strip()
        : null;
  }

  /** The container told of the caller a token already verified names; null when not known. */
  private AuthenticationStatus known(String token, HttpMessageContext context) {
    if (token == null) {
      return null;
    }
    Verified known = verified.getIfPresent(token);
    if (known == null || !clock.instant().isBefore(known.until())) {
      return null;
    }
    return context.notifyContainerAboutLogin(known.caller(), known.groups());
  }

  private void remember(String token, AuthenticationStatus status, HttpMessageContext context) {
    if (token == null
        || status != AuthenticationStatus.SUCCESS
        || !(context.getCallerPrincipal() instanceof JsonWebToken jwt)) {
      return;
    }
    verified.put(
        token,
        new Verified(
            jwt, Set.copyOf(context.getGroups()), Instant.ofEpochSecond(jwt.getExpirationTime())));
  }

  private HttpAuthenticationMechanism mpJwt() {
    HttpAuthenticationMechanism delegate = mpJwt;
    if (delegate == null) {
      for (Bean<?> bean : beanManager.getBeans(HttpAuthenticationMechanism.class)) {
        if (!bean.getTypes().contains(BearerOrCookieAuthentication.class)) {
          delegate =
              (HttpAuthenticationMechanism)
                  beanManager.getReference(
                      bean,
                      HttpAuthenticationMechanism.class,
                      beanManager.createCreationalContext(bean));
          break;
        }
      }
      if (delegate == null) {
        throw new IllegalStateException(
            "MicroProfile JWT is not active: the JAX-RS application needs @LoginConfig(MP-JWT)");
      }
      mpJwt = delegate;
    }
    return delegate;
  }

  /** The request as MP-JWT should see it: with the cookie's token as a bearer header. */
  private static final class BearerRequest extends HttpServletRequestWrapper {
    private final String authorization;

    BearerRequest(HttpServletRequest request, String token) {
      super(request);
      this.authorization = "Bearer " + token;
    }

    @Override
    public String getHeader(String name) {
      return "Authorization".equalsIgnoreCase(name) ? authorization : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Authorization".equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(authorization))
          : super.getHeaders(name);
    }
  }

  /** A failed cookie check must not answer 401 by itself; the caller just stays anonymous. */
  private static final class QuietContext extends HttpMessageContextWrapper {
    private final HttpServletRequest request;

    QuietContext(HttpMessageContext context, HttpServletRequest request) {
      super(context);
      this.request = request;
    }

    @Override
    public HttpServletRequest getRequest() {
      return request;
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
      return AuthenticationStatus.SEND_FAILURE;
    }
  }
}
