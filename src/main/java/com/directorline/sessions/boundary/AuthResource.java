package com.directorline.sessions.boundary;

import com.directorline.identity.boundary.UserView;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.SecurityEvents;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.platform.boundary.ClientAddress;
import com.directorline.problems.entity.TooManyRequests;
import com.directorline.problems.entity.Unauthorized;
import com.directorline.sessions.control.SessionSettings;
import com.directorline.sessions.control.Sessions;
import com.directorline.sessions.control.SignIn;
import com.directorline.sessions.entity.UserSession;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Sign-in and sign-out. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject SignIn signIn;
  @Inject Sessions sessions;
  @Inject SecurityEvents events;
  @Inject SessionSettings settings;
  @Inject Caller caller;
  @Context HttpServletRequest request;

  @POST
  @Path("login")
  @PermitAll
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Sign in",
      description =
          "Answers the access token in the body and as an HttpOnly session cookie. 401 for wrong"
              + " credentials; 429 with Retry-After while the account is locked.")
  public Response login(
      @Valid @NotNull(message = "a JSON object is required") Credentials credentials) {
    SignIn.Outcome outcome =
        signIn.attempt(credentials.username(), credentials.password(), caller.origin());
    if (outcome instanceof SignIn.Succeeded ok) {
      UserSession session = ok.session();
      return Response.ok(
              new SignedIn(
                  ok.token(),
                  session.expiresAt(),
                  settings.idleTimeout().toSeconds(),
                  UserView.ofSelf(ok.user())))
          .header(
              "Set-Cookie",
              SessionCookie.issue(
                  ok.token(), settings.absoluteLifetime(), settings.secureCookie(isHttps())))
          .build();
    }
    if (outcome instanceof SignIn.Locked locked) {
      throw new AccountLocked(locked.remaining().toSeconds() + 1);
    }
    throw new WrongCredentials();
  }

  @GET
  @Path("session")
  @PermitAll
  @Operation(
      summary = "The caller's session",
      description =
          "Who is signed in, with their roles per clinic, and when the idle timeout will end the"
              + " session; signedIn false without a valid session (never 401). Answered from the"
              + " session check alone: a page may ask it to show the time left.")
  public SessionView session() {
    return SessionView.of(caller);
  }

  @POST
  @Path("logout")
  @RolesAllowed({
    Role.Names.INJECTOR,
    Role.Names.DIRECTOR,
    Role.Names.COMPLIANCE_OFFICER,
    Role.Names.ADMIN
  })
  @Transactional
  @Operation(summary = "Sign out", description = "Ends the session: the token stops working.")
  public Response logout() {
    sessions.end(caller.sessionId(), UserSession.EndReason.LOGOUT);
    events.record(
        SecurityEventType.LOGOUT,
        caller.userId(),
        caller.username(),
        caller.userId(),
        null,
        caller.origin(),
        null);
    return Response.noContent()
        .header("Set-Cookie", SessionCookie.clear(settings.secureCookie(isHttps())))
        .build();
  }

  private boolean isHttps() {
    return ClientAddress.isHttps(request);
  }

  /** 401: the same answer for an unknown user, a wrong password and a deactivated account. */
  static final class WrongCredentials extends Unauthorized {
    WrongCredentials() {
      super("invalid-credentials", "The username or password is wrong.");
    }
  }

  /** 429: too many failed sign-ins; says when to try again. */
  static final class AccountLocked extends TooManyRequests {
    AccountLocked(long retryAfterSeconds) {
      super(
          "account-locked",
          "Too many failed sign-ins from this device. Try again in "
              + retryAfterSeconds
              + " seconds, or ask your clinic admin to unlock your account now.",
          retryAfterSeconds);
    }
  }
}
