package com.directorline.identity.boundary;

import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in user. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;
  @Inject Users users;

  @GET
  @RolesAllowed({
    Role.Names.INJECTOR,
    Role.Names.DIRECTOR,
    Role.Names.COMPLIANCE_OFFICER,
    Role.Names.ADMIN
  })
  @Operation(summary = "The current user")
  public UserView me() {
    return users
        .byId(caller.userId())
        .map(UserView::ofSelf)
        .orElseThrow(() -> new NotFound("user"));
  }
}
