package com.directorline.followups.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.followups.control.ClinicFollowUps;
import com.directorline.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Follow-ups of one emergency. Its own root: a root at a shared prefix would be chosen by JAX-RS
 * for every path under it and answer 404 for the rest.
 */
@Path("emergencies/{id}/follow-ups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyFollowUpsResource {

  private static final String REQUIRED = "a JSON object is required";

  @Inject ClinicFollowUps followUps;

  @POST
  @RolesAllowed({Role.Names.DIRECTOR, Role.Names.INJECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.FOLLOW_UP, inEmergency = true)
  @Operation(
      summary = "Add a follow-up",
      description =
          "The emergency's participants and the clinic's directors; due within a year. The"
              + " assignee is reminded when it falls due.")
  public Response add(
      @PathParam("id") UUID emergencyId, @Valid @NotNull(message = REQUIRED) NewFollowUp body) {
    return Response.status(201)
        .entity(followUps.add(emergencyId, body.what(), body.dueAt(), body.assigneeId()))
        .build();
  }
}
