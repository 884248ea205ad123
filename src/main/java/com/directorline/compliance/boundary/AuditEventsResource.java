package com.directorline.compliance.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.compliance.control.AuditQuery;
import com.directorline.compliance.control.AuditSearch;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.UnprocessableContent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The compliance officer's search of the trail and its exports, limited to their clinics. Every
 * search and export is itself an audit event.
 */
@Path("audit/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditEventsResource {

  private static final int MAX_PAGE_SIZE = 500;
  private static final int MAX_EXPORT = 50_000;

  /**
   * How deep page numbers reach: an offset makes the database read, and this server hold, every
   * event before the page (page 2,000 of 50 was 100,000 events per half of the scope in memory, a
   * second or more per request). Deeper pages follow nextCursor, at the cost of the first.
   */
  static final int MAX_OFFSET = 5_000;

  @Inject AuditSearch search;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  @GET
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Search the trail",
      description =
          "Newest first, in your clinics. from/to are ISO-8601 UTC times; size at most 500."
              + " The next page: after=<nextCursor of this one> (the same cost at any depth), or"
              + " page=<n> from 0 while page x size stays within 5000. total counts up to 1000 matches"
              + " (totalExact false beyond).")
  public AuditPage events(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("userId") String userId,
      @QueryParam("patientRef") String patientRef,
      @QueryParam("emergencyId") String emergencyId,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("purpose") String purpose,
      @QueryParam("page") String page,
      @QueryParam("size") String size,
      @QueryParam("after") String after) {
    return page(
        new AuditFilter(from, to, userId, patientRef, emergencyId, action, outcome, purpose),
        AuditFilter.number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
        AuditFilter.number("size", size, 50, 1, MAX_PAGE_SIZE),
        cursor(after));
  }

  @POST
  @Path("search")
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Search the trail (filters in the body)",
      description =
          "The same search as GET /api/audit/events with the filters in the body, so a patient"
              + " reference stays out of URLs and access logs. The pages use this form.")
  public AuditPage search(@NotNull(message = "a JSON object is required") AuditSearchRequest body) {
    return page(
        body.filter(),
        bounded("page", body.page(), 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE),
        bounded("size", body.size(), 50, 1, MAX_PAGE_SIZE),
        cursor(body.after()));
  }

  private static AuditSearch.Cursor cursor(String after) {
    if (after == null || after.isBlank()) {
      return null;
    }
    if (after.length() > 200) {
      throw InvalidInput.of("after", "must be a nextCursor this search returned");
    }
    return AuditSearch.Cursor.parse("after", after.strip());
  }

  private static int bounded(String name, Integer value, int fallback, int min, int max) {
    return AuditFilter.number(
        name, value == null ? null : String.valueOf(value), fallback, min, max);
  }

  private AuditPage page(
      AuditFilter filter, int pageNumber, int pageSize, AuditSearch.Cursor after) {
    if (after == null && (long) pageNumber * pageSize > MAX_OFFSET) {
      throw InvalidInput.of(
          "page",
          "reaches at most "
              + MAX_OFFSET
              + " events deep (page x size); deeper, follow nextCursor with after=");
    }
    AuditQuery query = filter.toQuery();
    AuditSearch.Page found = search.search(query, pageNumber, pageSize, after);
    trail.record(
        query
            .recorded(AuditAction.READ)
            .detail(
                String.join(" ", "search", query.summary(), "total=" + found.total())
                    .replace("  ", " ")));
    return new AuditPage(
        found.items().stream().map(AuditEventView::of).toList(),
        pageNumber,
        pageSize,
        found.total(),
        found.exact(),
        found.next() == null ? null : found.next().token());
  }

  @GET
  @Path("export")
  @Produces({"text/csv", AuditExports.FHIR_JSON})
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(action = AuditAction.EXPORT, object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Export the trail",
      description =
          "format=csv (default) or fhir (a FHIR R4 Bundle of AuditEvent, IHE BALP). The same"
              + " filters as the search; at most 50000 events per export.")
  public Response export(
      @QueryParam("format") String format,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("userId") String userId,
      @QueryParam("patientRef") String patientRef,
      @QueryParam("emergencyId") String emergencyId,
      @QueryParam("action") String action,
      @QueryParam("outcome") String outcome,
      @QueryParam("purpose") String purpose) {
    return export(
        format,
        new AuditFilter(from, to, userId, patientRef, emergencyId, action, outcome, purpose));
  }

  @POST
  @Path("export")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({"text/csv", AuditExports.FHIR_JSON})
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(action = AuditAction.EXPORT, object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Export the trail (filters in the body)",
      description =
          "The same export as GET /api/audit/events/export with format and filters in the body,"
              + " so a patient reference stays out of URLs. The pages use this form.")
  public Response exportSearch(
      @NotNull(message = "a JSON object is required") AuditSearchRequest body) {
    return export(body.format(), body.filter());
  }

  private Response export(String format, AuditFilter filter) {
    boolean fhir;
    if (format == null || format.isBlank() || format.equalsIgnoreCase("csv")) {
      fhir = false;
    } else if (format.equalsIgnoreCase("fhir")) {
      fhir = true;
    } else {
      throw InvalidInput.of("format", "must be csv or fhir");
    }
    AuditQuery query = filter.toQuery();
    List<AuditSearch.Found> rows = search.all(query, MAX_EXPORT);
    if (rows.size() > MAX_EXPORT) {
      throw new UnprocessableContent(
          "export-too-large",
          "More than " + MAX_EXPORT + " events match; narrow the time range or the filters.");
    }
    trail.record(
        query
            .recorded(AuditAction.EXPORT)
            .detail(
                (fhir ? "fhir" : "csv") + " export " + query.summary() + " rows=" + rows.size()));
    String stamp = clock.instant().atOffset(ZoneOffset.UTC).toString().replace(":", "");
    if (fhir) {
      return Response.ok(
              AuditExports.fhir(rows, clock.instant()).toString(), AuditExports.FHIR_JSON)
          .header("Content-Disposition", "attachment; filename=\"audit-" + stamp + ".fhir.json\"")
          .build();
    }
    return Response.ok(AuditExports.csv(rows), "text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"audit-" + stamp + ".csv\"")
        .build();
  }
}
