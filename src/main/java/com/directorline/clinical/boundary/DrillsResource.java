package com.directorline.clinical.boundary;

import com.directorline.clinical.control.DrillReports;
import com.directorline.clinical.entity.DrillReport;
import com.directorline.identity.entity.Role;
import com.directorline.platform.boundary.InstantParameter;
import com.directorline.problems.entity.InvalidInput;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** How the clinic's drills went, as JSON for the page's chart or as CSV. */
@Path("clinics/{id}/drills/report")
@RequestScoped
public class DrillsResource {

  @Inject DrillReports reports;
  @Inject Clock clock;

  @GET
  @Produces({MediaType.APPLICATION_JSON, "text/csv"})
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
  @Operation(
      summary = "The clinic's drills report",
      description =
          "Each drill launched in [from, to) (default: the last 12 months) with its seconds to"
              + " accept and to connect, checklist steps done and orders read back; per month of"
              + " the clinic's calendar the count, the medians and the shares. ?format=csv for a"
              + " spreadsheet.")
  public Response report(
      @PathParam("id") UUID clinicId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("format") String format) {
    InstantParameter.Period period =
        InstantParameter.endingNow(from, to, Duration.ofDays(365), clock);
    boolean csv = "csv".equalsIgnoreCase(format == null ? "" : format.strip());
    if (format != null && !format.isBlank() && !csv && !"json".equalsIgnoreCase(format.strip())) {
      throw InvalidInput.of("format", "must be json or csv");
    }
    DrillReport report = reports.report(clinicId, period.from(), period.to());
    if (!csv) {
      return Response.ok(report, MediaType.APPLICATION_JSON).build();
    }
    StringBuilder out =
        new StringBuilder(
            "emergencyId,launchedAt,complication,status,acceptSeconds,connectSeconds,"
                + "checklistDone,checklistTotal,ordersGiven,ordersTotal\r\n");
    for (DrillReport.Drill d : report.drills()) {
      out.append(d.emergencyId())
          .append(',')
          .append(d.launchedAt())
          .append(',')
          .append(d.complication())
          .append(',')
          .append(d.status())
          .append(',')
          .append(d.acceptSeconds() == null ? "" : d.acceptSeconds())
          .append(',')
          .append(d.connectSeconds() == null ? "" : d.connectSeconds())
          .append(',')
          .append(d.checklistDone())
          .append(',')
          .append(d.checklistTotal())
          .append(',')
          .append(d.ordersGiven())
          .append(',')
          .append(d.ordersTotal())
          .append("\r\n");
    }
    return Response.ok(out.toString(), "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"drills-"
                + report.from().toString().substring(0, 10).toLowerCase(Locale.ROOT)
                + "-to-"
                + report.to().toString().substring(0, 10)
                + ".csv\"")
        .build();
  }
}
