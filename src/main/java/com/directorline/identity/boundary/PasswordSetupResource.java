package com.directorline.identity.boundary;

import com.directorline.identity.control.PasswordSetups;
import com.directorline.identity.entity.User;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a person with a one-time link chooses their password (the setup page calls it). Anonymous
 * by nature: the link is the authority. The secret travels in the body, never in a URL a log keeps.
 */
@Path("password-setup")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PasswordSetupResource {

  @Inject PasswordSetups setups;

  /** The secret of a one-time link. */
  @Schema(description = "The secret after the # of a one-time link.")
  public record SetupToken(
      @NotNull(message = "is required") @Size(max = 100, message = "is not a link's secret")
          String token) {
    public SetupToken(String token) {
      this.token = token;
    }

    @Override
    public String toString() {
      return "SetupToken[...]";
    }
  }

  /** Whose link it is, so the page can greet them and name the username they will sign in with. */
  public record SetupInvitation(String username, String displayName, Instant expiresAt) {}

  /** The password a person chooses with their link. */
  @Schema(description = "The link's secret and the password chosen.")
  public record PasswordChoice(
      @NotNull(message = "is required") @Size(max = 100, message = "is not a link's secret")
          String token,
      @NotNull(message = "is required") String password) {
    public PasswordChoice(String token, String password) {
      this.token = token;
      this.password = password;
    }

    @Override
    public String toString() {
      return "PasswordChoice[...]";
    }
  }

  /** The username to sign in with now. */
  public record PasswordChosen(String username) {}

  @POST
  @PermitAll
  @Path("check")
  @Operation(
      summary = "Whose one-time link this is",
      description = "410 setup-link-invalid when it was used, replaced or has expired.")
  public SetupInvitation check(
      @Valid @NotNull(message = "a JSON object is required") SetupToken body) {
    User user = setups.pending(body.token());
    return new SetupInvitation(user.username(), user.displayName(), user.passwordLinkExpiresAt());
  }

  @POST
  @PermitAll
  @Operation(
      summary = "Choose a password with a one-time link",
      description =
          "The password policy of every password applies (400 naming password); the link is"
              + " spent. 410 setup-link-invalid when it was used, replaced or has expired.")
  public PasswordChosen choose(
      @Valid @NotNull(message = "a JSON object is required") PasswordChoice body) {
    return new PasswordChosen(setups.complete(body.token(), body.password()).username());
  }
}
