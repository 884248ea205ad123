package com.directorline.clinical.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.clinical.control.Checklists;
import com.directorline.clinical.entity.ChecklistView;
import com.directorline.identity.entity.Role;
import com.directorline.platform.boundary.OptionalBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An emergency's protocol as a live checklist. */
@Path("emergencies/{id}/checklist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistResource {

  @Inject Checklists checklists;

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(object = ObjectType.CHECKLIST, inEmergency = true)
  @Operation(
      summary = "The emergency's checklist",
      description =
          "The clinic's protocol for the complication as it was when the emergency launched, each"
              + " step with who ticked it when; a repeating step's nextDueAt is when it is due"
              + " again. protocolId is null when the clinic had no protocol. Participants and the"
              + " clinic's directors.")
  public ChecklistView read(@PathParam("id") UUID id) {
    return checklists.read(id);
  }

  @POST
  @Path("{step}")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.CHECKLIST, inEmergency = true)
  @Operation(
      summary = "Tick a step",
      description =
          "Step numbers start at 1. Participants, while the emergency goes on. A step done once"
              + " is refused a second time (409 step-done); a repeating step is ticked at each"
              + " reassessment and restarts its timer. The body (optional) carries a finding.")
  public ChecklistView tick(
      @PathParam("id") UUID id,
      @PathParam("step") int step,
      @Valid @OptionalBody TickRequest body) {
    return checklists.tick(id, step, body == null ? null : body.finding());
  }
}
