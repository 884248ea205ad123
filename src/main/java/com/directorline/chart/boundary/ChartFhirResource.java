package com.directorline.chart.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.chart.control.ChartFhir;
import com.directorline.chart.control.Charts;
import com.directorline.chart.entity.Chart;
import com.directorline.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** An emergency's chart as a FHIR R4 Bundle. */
@Path("emergencies/{id}/chart.fhir")
@RequestScoped
public class ChartFhirResource {

  @Inject Charts charts;
  @Inject ChartFhir fhir;

  @Inject
  @ConfigProperty(name = "directorline.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  @GET
  @Produces("application/fhir+json")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR, Role.Names.COMPLIANCE_OFFICER})
  @Audited(action = AuditAction.EXPORT, object = ObjectType.CHART, inEmergency = true)
  @Operation(
      summary = "The chart as a FHIR R4 Bundle",
      description =
          "A collection: Patient, Practitioners, AdverseEvent, a MedicationAdministration per order"
              + " read back as given, an Observation per checklist finding, a DocumentReference"
              + " for the PDF and a Provenance for the signature. Who may download: as for the"
              + " PDF.")
  public Response fhir(
      @PathParam("id") UUID id, @HeaderParam("X-Break-Glass-Reason") String breakGlassReason) {
    Chart chart = charts.export(id, "fhir", breakGlassReason, false);
    // The address users reach DirectorLine at, not whatever host this request named.
    String pdfUrl = publicUrl.replaceAll("/+$", "") + "/api/emergencies/" + id + "/chart.pdf";
    return Response.ok(fhir.render(chart, pdfUrl), "application/fhir+json").build();
  }
}
