package com.directorline.consent.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.consent.control.FollowUps;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** What the clinic still owes patients after an emergency exception. */
@Path("follow-up-tasks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR, Role.Names.COMPLIANCE_OFFICER})
public class FollowUpTasksResource {

  @Inject FollowUps followUps;

  @GET
  @Audited(object = ObjectType.FOLLOW_UP_TASK)
  @Operation(
      summary = "Follow-up tasks of your clinics",
      description = "status=open (default) or all; newest first.")
  public List<FollowUpTaskView> list(@QueryParam("status") String status) {
    boolean openOnly = status == null || status.equalsIgnoreCase("open");
    if (!openOnly && !status.equalsIgnoreCase("all")) {
      throw InvalidInput.of("status", "must be open or all");
    }
    return followUps.list(openOnly).stream().map(FollowUpTaskView::of).toList();
  }

  @POST
  @Path("{id}/completion")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.UPDATE, object = ObjectType.FOLLOW_UP_TASK)
  @Operation(
      summary = "Complete a follow-up task",
      description = "With what was done, e.g. \"patient informed, consent recorded\".")
  public FollowUpTaskView complete(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a JSON object is required") TaskCompletion body) {
    return FollowUpTaskView.of(followUps.complete(id, body.note()));
  }
}
