package com.directorline.consent.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.consent.control.Consents;
import com.directorline.consent.entity.Consent;
import com.directorline.identity.control.Caller;
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
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Patients' consents: recorded, listed with their standing, revoked by a new record. */
@Path("consents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentsResource {

  private static final String REQUIRED = "a JSON object is required";

  @Inject Consents consents;
  @Inject Caller caller;
  @Inject Clock clock;

  @POST
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.CONSENT)
  @Operation(
      summary = "Record a consent",
      description =
          "To the consent text version shown. VERBAL_ATTESTED needs a witness;"
              + " ELECTRONIC_SIGNATURE a signature (PNG data URL or typed name).")
  public Response record(@Valid @NotNull(message = REQUIRED) NewConsent body) {
    Consents.Standing recorded =
        consents.record(
            body.consentTextId(),
            new Consent.Given(
                body.patientRef(),
                body.kind(),
                body.givenBy().name(),
                body.givenBy().relationship(),
                body.method(),
                body.witness(),
                body.signature(),
                body.validUntil()));
    return Response.status(201).entity(ConsentView.of(recorded, clock.instant())).build();
  }

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR, Role.Names.COMPLIANCE_OFFICER})
  @Audited(object = ObjectType.CONSENT)
  @Operation(
      summary = "A patient's consents",
      description =
          "In effect, expired and revoked, newest first. clinicId is needed only by staff of"
              + " several clinics.")
  public List<ConsentView> forPatient(
      @QueryParam("patientRef") String patientRef, @QueryParam("clinicId") UUID clinicId) {
    return consentsOf(patientRef, clinicId);
  }

  @POST
  @Path("search")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR, Role.Names.COMPLIANCE_OFFICER})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(object = ObjectType.CONSENT)
  @Operation(
      summary = "A patient's consents (patient in the body)",
      description =
          "The same list as GET /api/consents with the patient reference in the body, out of"
              + " URLs and access logs. The pages use this form.")
  public List<ConsentView> search(@NotNull(message = REQUIRED) ConsentSearch body) {
    return consentsOf(body.patientRef(), body.clinicId());
  }

  private List<ConsentView> consentsOf(String patientRef, UUID clinicId) {
    if (patientRef == null || patientRef.isBlank() || patientRef.length() > 64) {
      throw InvalidInput.of("patientRef", "is required: 1 to 64 characters");
    }
    var now = clock.instant();
    return consents.forPatient(caller.clinicOrOnly(clinicId), patientRef.strip()).stream()
        .map(s -> ConsentView.of(s, now))
        .toList();
  }

  @POST
  @Path("{id}/revocation")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.UPDATE, object = ObjectType.CONSENT)
  @Operation(
      summary = "Revoke a consent",
      description = "A new record; the consent itself stays as it was, marked REVOKED.")
  public Response revoke(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) ReasonRequest body) {
    return Response.status(201)
        .entity(ConsentView.of(consents.revoke(id, body.reason()), clock.instant()))
        .build();
  }
}
