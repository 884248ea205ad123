package com.directorline.consent.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.consent.control.Consents;
import com.directorline.identity.entity.Role;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A clinic's consent texts: versioned, never edited. */
@Path("clinics/{id}/consent-texts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ConsentTextsResource {

  @Inject Consents consents;

  @GET
  @RolesAllowed({
    Role.Names.ADMIN,
    Role.Names.INJECTOR,
    Role.Names.DIRECTOR,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Operation(
      summary = "The clinic's consent texts",
      description = "Every version of every kind, newest version first.")
  public List<ConsentTextView> list(@PathParam("id") UUID clinicId) {
    return consents.texts(clinicId).stream().map(ConsentTextView::of).toList();
  }

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.CONSENT_TEXT)
  @Operation(
      summary = "A new version of a consent text",
      description =
          "Texts are never edited: new wording is the next version; consents keep pointing at"
              + " the version the patient was shown.")
  public Response create(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") NewConsentText body) {
    return Response.status(201)
        .entity(ConsentTextView.of(consents.newText(clinicId, body.kind(), body.text())))
        .build();
  }
}
