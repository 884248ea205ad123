package com.directorline.sessions.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.identity.control.Caller;
import com.directorline.platform.boundary.ClientAddress;
import com.directorline.platform.entity.RequestOrigin;
import com.directorline.problems.boundary.CorrelationId;
import com.directorline.problems.entity.Forbidden;
import com.directorline.problems.entity.Unauthorized;
import com.directorline.sessions.control.CallerSessions;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Every API call passes here after MP-JWT verified the token: the token's session must still be
 * open (not logged out, idle or expired, user active) and the caller's current roles must match the
 * method's {@code @RolesAllowed} in at least one clinic, to whose clinics the request is then
 * narrowed ({@code Caller.actAs}). Methods without {@code @RolesAllowed} or {@code @PermitAll} are
 * denied, so a forgotten annotation fails closed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class SessionCheck implements ContainerRequestFilter {

  @Context ResourceInfo resource;
  @Context HttpServletRequest request;
  @Inject CallerSessions callerSessions;
  @Inject Caller caller;
  @Inject AuditTrail trail;

  private static final Logger LOG = Logger.getLogger(SessionCheck.class.getName());

  @Override
  public void filter(ContainerRequestContext context) {
    RequestOrigin origin =
        new RequestOrigin(
            ClientAddress.of(request), request.getHeader("User-Agent"), CorrelationId.of(request));
    Method method = resource.getResourceMethod();
    if (method == null) {
      callerSessions.bindAnonymous(origin);
      return;
    }
    boolean open = isPermitted(method);
    Principal principal = context.getSecurityContext().getUserPrincipal();
    UUID sessionId = sessionOf(principal);
    boolean signedIn = sessionId != null && callerSessions.bind(sessionId, origin);
    if (!signedIn) {
      callerSessions.bindAnonymous(origin);
    }
    if (open) {
      return;
    }
    if (!signedIn) {
      throw new SignInRequired(sessionId != null);
    }
    Set<String> allowed = rolesAllowed(method);
    // From here on the caller acts only in the clinics where they hold one of these roles.
    if (allowed.isEmpty() || !caller.actAs(allowed)) {
      recordRefusal(method);
      throw new RoleNotPermitted();
    }
  }

  /** A missing role is a permission denied, and the trail keeps it. */
  private void recordRefusal(Method method) {
    Audited audited = method.getAnnotation(Audited.class);
    AuditEvent.Draft draft =
        (audited == null
                ? AuditEvent.of(AuditAction.READ, ObjectType.ENDPOINT, null)
                : AuditEvent.of(audited.action(), audited.object(), null))
            .detail(method.getDeclaringClass().getSimpleName() + "." + method.getName())
            .denied("role not permitted");
    try {
      trail.recordApart(draft);
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE, "could not record a refusal in the audit trail", e.getClass().getName());
    }
  }

  private static UUID sessionOf(Principal principal) {
    if (principal instanceof JsonWebToken jwt && jwt.getTokenID() != null) {
      try {
        return UUID.fromString(jwt.getTokenID());
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return null;
  }

  static boolean isPermitted(Method method) {
    if (method.isAnnotationPresent(DenyAll.class)) {
      return false;
    }
    return method.isAnnotationPresent(PermitAll.class)
        || (!method.isAnnotationPresent(RolesAllowed.class)
            && method.getDeclaringClass().isAnnotationPresent(PermitAll.class));
  }

  static Set<String> rolesAllowed(Method method) {
    RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
    if (roles == null) {
      roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return roles == null ? Set.of() : Set.of(roles.value());
  }

  /** 403: the caller's roles (as the database has them now) do not include the method's. */
  static final class RoleNotPermitted extends Forbidden {
    RoleNotPermitted() {
      super("forbidden", "Your role does not allow this action.");
    }
  }

  /** 401: no valid session. */
  static final class SignInRequired extends Unauthorized {
    SignInRequired(boolean hadSession) {
      super(
          hadSession ? "session-ended" : "sign-in-required",
          hadSession
              ? "Your session has ended (signed out, idle too long or expired). Sign in again."
              : "Sign in first: send a valid access token or session cookie.");
      header("WWW-Authenticate", "Bearer realm=\"directorline\"");
    }
  }
}
