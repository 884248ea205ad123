package com.directorline.identity.boundary;

import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The signed-in user. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;
  @Inject Users users;
  @Inject Clinics clinics;

  @GET
  @RolesAllowed({
    Role.Names.INJECTOR,
    Role.Names.DIRECTOR,
    Role.Names.COMPLIANCE_OFFICER,
    Role.Names.ADMIN
  })
  @Operation(
      summary = "The current user",
      description = "With the names of the person's clinics in their memberships.")
  public UserView me() {
    return users
        .byId(caller.userId())
        .map(
            user ->
                UserView.ofSelf(
                    user,
                    clinics.byIds(user.clinicIds()).stream()
                        .collect(Collectors.toMap(Clinic::id, Clinic::name))))
        .orElseThrow(() -> new NotFound("user"));
  }
}
