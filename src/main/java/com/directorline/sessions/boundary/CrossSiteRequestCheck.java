package com.directorline.sessions.boundary;

import com.directorline.problems.entity.Forbidden;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Refuses a state-changing request that a cross-site form could have sent: one that relies on the
 * session cookie (no Authorization header) and lacks {@code X-Requested-With: DirectorLine}. The
 * cookie is already {@code SameSite=Strict}; this second guard holds where SameSite does not (old
 * browsers, same-site subdomains). A cross-site form cannot set a custom header, and a cross-origin
 * script cannot either without a CORS permission that DirectorLine never grants. API clients
 * sending a bearer token are not affected.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class CrossSiteRequestCheck implements ContainerRequestFilter {

  public static final String HEADER = "X-Requested-With";
  public static final String VALUE = "DirectorLine";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  public void filter(ContainerRequestContext request) {
    if (SAFE.contains(request.getMethod())
        // Signing in uses no authority of the cookie: it proves a password, whatever cookie a
        // browser still carries from an earlier session.
        || request.getUriInfo().getPath().equals("auth/login")
        || request.getHeaderString("Authorization") != null
        || !request.getCookies().containsKey(SessionCookie.NAME)
        || VALUE.equals(request.getHeaderString(HEADER))) {
      return;
    }
    throw new Forbidden(
        "cross-site-request",
        "A change sent with the session cookie must carry the header "
            + HEADER
            + ": "
            + VALUE
            + " (DirectorLine's pages send it; a cross-site form cannot).");
  }
}
