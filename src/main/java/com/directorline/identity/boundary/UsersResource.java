package com.directorline.identity.boundary;

import com.directorline.identity.control.Accounts;
import com.directorline.identity.control.Caller;
import com.directorline.identity.entity.Role;
import com.directorline.platform.boundary.JsonBodyReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Staff accounts: roles, memberships, deactivation, password reset. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class UsersResource {

  @Inject Accounts accounts;
  @Inject Caller caller;

  @GET
  @Path("{id}")
  @Operation(summary = "A staff member of one of your clinics")
  public UserView get(@PathParam("id") UUID id) {
    return UserView.of(accounts.visible(id), caller.clinicIds());
  }

  @POST
  @Path("{id}/setup-link")
  @Operation(
      summary = "Reset a staff member's password: a new one-time link",
      description =
          "The person's password stops working and their sessions end; the answer's link (shown"
              + " once) lets them choose a new one. Only an admin of every clinic of the person"
              + " (403 person-of-other-clinics); 409 user-inactive for a disabled account.")
  public UserView.SetupLinkView resetPassword(@PathParam("id") UUID id) {
    return UserView.SetupLinkView.of(accounts.resetPassword(id));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, JsonBodyReader.MERGE_PATCH})
  @Operation(
      summary = "Change a staff member",
      description =
          "Absent fields stay as they are. Roles and clinics change in the clinics you"
              + " administer only; name, contact, password and activation of someone who also"
              + " works for another clinic only an admin of all their clinics may change (403)."
              + " Changing roles, clinics or the password, or deactivating, ends the user's open"
              + " sessions; a new password also lifts a sign-in lock.")
  public UserView change(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a JSON object is required") UserChanges body) {
    return UserView.of(
        accounts.change(
            id,
            new Accounts.Changes(
                body.displayName(),
                body.email(),
                body.phone(),
                body.roles(),
                body.active(),
                body.clinicIds(),
                body.password())),
        caller.clinicIds());
  }
}
