package com.directorline.clinical.boundary;

import com.directorline.clinical.control.Protocols;
import com.directorline.clinical.entity.ProtocolFollowUp;
import com.directorline.clinical.entity.ProtocolStep;
import com.directorline.emergencies.entity.Complication;
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
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The clinic's written protocols, one per complication, versioned. */
@Path("clinics/{id}/protocols")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProtocolsResource {

  @Inject Protocols protocols;

  @GET
  @RolesAllowed({
    Role.Names.ADMIN,
    Role.Names.DIRECTOR,
    Role.Names.INJECTOR,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Operation(
      summary = "The clinic's protocols",
      description =
          "The version in force of each complication's protocol; with ?complication= every"
              + " version of that one, newest first.")
  public List<ProtocolView> list(
      @PathParam("id") UUID clinicId, @QueryParam("complication") String named) {
    Complication complication = complication(named);
    return (complication == null
            ? protocols.current(clinicId)
            : protocols.history(clinicId, complication))
        .stream().map(ProtocolView::of).toList();
  }

  /** The complication a query names; blank is none; anything else is 400 naming the parameter. */
  private static Complication complication(String named) {
    if (named == null || named.isBlank()) {
      return null;
    }
    try {
      return Complication.valueOf(named.strip());
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of(
          "complication", "must be one of " + Arrays.toString(Complication.values()));
    }
  }

  @POST
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Write the next version of a protocol",
      description =
          "Protocols are never edited: new wording is the next version, and an emergency keeps"
              + " the version in force when it launched.")
  public Response publish(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") NewProtocol body) {
    List<ProtocolStep> steps = new ArrayList<>();
    for (int i = 0; i < body.steps().size(); i++) {
      NewProtocol.ProtocolStepDefinition step = body.steps().get(i);
      steps.add(new ProtocolStep(i, step.text(), step.repeatSeconds()));
    }
    List<ProtocolFollowUp> followUps = new ArrayList<>();
    List<NewProtocol.FollowUpDefinition> asked =
        body.followUps() == null ? List.of() : body.followUps();
    for (int i = 0; i < asked.size(); i++) {
      followUps.add(new ProtocolFollowUp(i, asked.get(i).afterHours(), asked.get(i).text()));
    }
    return Response.status(201)
        .entity(
            ProtocolView.of(
                protocols.publish(
                    clinicId,
                    body.complication(),
                    body.title(),
                    steps,
                    followUps,
                    body.basedOnVersion())))
        .build();
  }
}
