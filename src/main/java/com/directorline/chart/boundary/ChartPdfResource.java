package com.directorline.chart.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.chart.control.ChartPdf;
import com.directorline.chart.control.Charts;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.UploadAdmission;
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
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * An emergency's chart as PDF. Its own root resource: a root at {@code emergencies/{id}} would be
 * chosen by JAX-RS for every path under an emergency and answer 404 for the rest.
 */
@Path("emergencies/{id}/chart.pdf")
@RequestScoped
public class ChartPdfResource {

  @Inject Charts charts;
  @Inject ChartPdf pdf;
  @Inject UploadAdmission admission;

  @GET
  @Produces("application/pdf")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR, Role.Names.COMPLIANCE_OFFICER})
  @Audited(action = AuditAction.EXPORT, object = ObjectType.CHART, inEmergency = true)
  @Operation(
      summary = "The chart as PDF",
      description =
          "The incident record and its signature, the orders, the checklist, the timeline, the"
              + " consent basis and the photos, for the clinic's EHR; fonts embedded. The"
              + " emergency's participants and the clinic's directors; a compliance officer of the"
              + " clinic with X-Break-Glass-Reason. Every download is an audited EXPORT.")
  public Response pdf(
      @PathParam("id") UUID id, @HeaderParam("X-Break-Glass-Reason") String breakGlassReason) {
    byte[] rendered;
    // Room in memory for the photos and the PDF before any is read: beyond it 503, never an
    // exhausted heap. Nothing is told before the caller is checked (an unknown emergency has 0).
    try (UploadAdmission.Ticket room = admission.admitChart(charts.photoBytes(id))) {
      rendered = pdf.render(charts.export(id, "pdf", breakGlassReason, true));
    }
    return Response.ok(rendered, "application/pdf")
        .header("Content-Disposition", "attachment; filename=\"emergency-" + id + "-chart.pdf\"")
        .build();
  }
}
