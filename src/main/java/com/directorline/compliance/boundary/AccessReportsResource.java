package com.directorline.compliance.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.compliance.control.AuditQuery;
import com.directorline.compliance.control.AuditSearch;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who saw one patient's data, for the compliance officer of the patient's clinic. */
@Path("audit/patients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccessReportsResource {

  private static final int MAX_REPORT = 5_000;

  @Inject AuditSearch search;
  @Inject AuditTrail trail;

  @GET
  @Path("{patientRef}/access-report")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Who saw this patient's data",
      description = "Every access in your clinics, newest first, and a line per person.")
  public AccessReport accessReport(
      @PathParam("patientRef") String patientRef,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    return report(patientRef, from, to);
  }

  @POST
  @Path("access-report")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Who saw this patient's data (patient in the body)",
      description =
          "The same report as GET /api/audit/patients/{patientRef}/access-report with the"
              + " patient reference in the body, out of URLs and access logs. The page uses it.")
  public AccessReport accessReportFor(
      @NotNull(message = "a JSON object is required") AccessReportRequest body) {
    if (body.patientRef() == null) {
      throw InvalidInput.of("patientRef", "is required: 1 to 64 characters");
    }
    return report(body.patientRef(), body.from(), body.to());
  }

  private AccessReport report(String patientRef, String from, String to) {
    String ref = AuditFilter.patientRef(patientRef);
    Instant start = AuditFilter.instant("from", from);
    Instant end = AuditFilter.instant("to", to);
    AuditQuery query = AuditQuery.forPatient(ref, start, end);
    List<AuditSearch.Found> found = search.all(query, MAX_REPORT);
    boolean truncated = found.size() > MAX_REPORT;
    List<AuditSearch.Found> shown = truncated ? found.subList(0, MAX_REPORT) : found;
    trail.record(
        query.recorded(AuditAction.READ).detail("access report, " + shown.size() + " accesses"));
    return AccessReport.of(ref, start, end, shown, truncated);
  }
}
