package com.directorline.identity.boundary;

import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The clinic's care team: who a follow-up can be assigned to. Names and roles only, for the
 * clinic's own directors, injectors and admins (the staff list with emails and account state stays
 * the admins').
 */
@Path("clinics/{id}/care-team")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CareTeamResource {

  @Inject Users users;
  @Inject Caller caller;

  /** A member of the care team. */
  public record CareTeamMember(UUID id, String displayName, List<Role> roles) {}

  @GET
  @Transactional
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR, Role.Names.INJECTOR})
  @Operation(
      summary = "The clinic's care team",
      description =
          "Its active directors and injectors, by name, with the roles they hold there: who a"
              + " follow-up may be assigned to.")
  public List<CareTeamMember> list(@PathParam("id") UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    List<CareTeamMember> team = new ArrayList<>();
    for (User user : users.inClinic(clinicId)) {
      List<Role> roles = new ArrayList<>();
      for (Role role : List.of(Role.DIRECTOR, Role.INJECTOR)) {
        if (user.actsAs(role, clinicId)) {
          roles.add(role);
        }
      }
      if (!roles.isEmpty()) {
        team.add(new CareTeamMember(user.id(), user.displayName(), roles));
      }
    }
    team.sort(Comparator.comparing(CareTeamMember::displayName, String.CASE_INSENSITIVE_ORDER));
    return team;
  }
}
