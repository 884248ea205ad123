package com.directorline.clinical.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.clinical.control.IncidentRecords;
import com.directorline.clinical.entity.IncidentRecordView;
import com.directorline.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An emergency's incident record: drafted, signed, then only added to. */
@Path("emergencies/{id}/incident-record")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class IncidentRecordResource {

  private static final String REQUIRED = "a JSON object is required";

  @Inject IncidentRecords records;

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(object = ObjectType.INCIDENT_RECORD, inEmergency = true)
  @Operation(
      summary = "The incident record",
      description =
          "The draft (status NONE before the first save, DRAFT after) or the record as signed,"
              + " with its signature and addenda; actionsFromCall is what was done, from the"
              + " checklist and the orders read back. Participants and the clinic's directors.")
  public IncidentRecordView read(@PathParam("id") UUID id) {
    return records.read(id);
  }

  @PUT
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.UPDATE, object = ObjectType.INCIDENT_RECORD, inEmergency = true)
  @Operation(
      summary = "Save the draft",
      description =
          "Participants, during the call and after, until it is signed (409 record-signed)."
              + " version is the one read (0 for the first save); a newer one answers 409"
              + " record-changed and nothing is overwritten.")
  public IncidentRecordView save(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) IncidentRecordChange body) {
    return records.save(id, body.record().details(), body.version());
  }

  @POST
  @Path("sign")
  @RolesAllowed(Role.Names.DIRECTOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.SIGNATURE, inEmergency = true)
  @Operation(
      summary = "Sign the record",
      description =
          "The director who accepted, once the emergency has ended, signs the version they read."
              + " The signed content is kept whole with its SHA-256 and never changes; the"
              + " signature is an attestation in the audit trail. 409 record-incomplete names"
              + " the missing fields; 409 orders-unconfirmed names the orders never read back as"
              + " given, signed over only with acknowledgeUnconfirmedOrders: true (the timeline"
              + " and the trail say so).")
  public IncidentRecordView sign(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) SignRequest body) {
    return records.sign(id, body.version(), body.acknowledging());
  }

  @POST
  @Path("addenda")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.ADDENDUM, inEmergency = true)
  @Operation(
      summary = "Add a dated addendum to the signed record",
      description = "Participants, after signing (409 record-not-signed before).")
  public Response addendum(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) AddendumRequest body) {
    return Response.status(201).entity(records.addendum(id, body.text())).build();
  }
}
