package com.directorline.audit.boundary;

import com.directorline.audit.control.AuditFlags;
import com.directorline.audit.control.AuditKeys;
import com.directorline.audit.control.AuditQuery;
import com.directorline.audit.control.AuditReviews;
import com.directorline.audit.control.AuditSearch;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.control.AuditVerification;
import com.directorline.audit.control.ChainVerifier;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.FlagKind;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.audit.entity.Review;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.UnprocessableContent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The compliance officer's review of the trail, limited to their clinics: search, the per-patient
 * access report, exports, flags, review attestations and the chain's verification. Every read and
 * export is itself an audit event.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  private static final int MAX_PAGE_SIZE = 500;
  private static final int MAX_EXPORT = 50_000;
  private static final int MAX_REPORT = 5_000;

  @Inject AuditSearch search;
  @Inject AuditTrail trail;
  @Inject AuditFlags flags;
  @Inject AuditReviews reviews;
  @Inject AuditVerification verification;
  @Inject AuditKeys keys;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.audit.retention-years", defaultValue = "6")
  int retentionYears;

  @GET
  @Path("events")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Search the trail",
      description =
          "Newest first, in your clinics. from/to are ISO-8601 UTC times; page starts at 0;"
              + " size at most 500. total counts up to 1000 matches (totalExact false beyond).")
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
      @QueryParam("size") String size) {
    AuditQuery query =
        new AuditFilter(from, to, userId, patientRef, emergencyId, action, outcome, purpose)
            .toQuery();
    int pageNumber = AuditFilter.number("page", page, 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int pageSize = AuditFilter.number("size", size, 50, 1, MAX_PAGE_SIZE);
    AuditSearch.Page found = search.search(query, pageNumber, pageSize);
    trail.record(
        about(AuditAction.READ, query)
            .detail(
                String.join(" ", "search", query.summary(), "total=" + found.total())
                    .replace("  ", " ")));
    return new AuditPage(
        found.items().stream().map(AuditEventView::of).toList(),
        pageNumber,
        pageSize,
        found.total(),
        found.exact());
  }

  @GET
  @Path("patients/{patientRef}/access-report")
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
    String ref = AuditFilter.patientRef(patientRef);
    Instant start = AuditFilter.instant("from", from);
    Instant end = AuditFilter.instant("to", to);
    AuditQuery query = AuditQuery.forPatient(ref, start, end);
    List<AuditSearch.Found> found = search.all(query, MAX_REPORT);
    boolean truncated = found.size() > MAX_REPORT;
    List<AuditSearch.Found> shown = truncated ? found.subList(0, MAX_REPORT) : found;
    trail.record(
        about(AuditAction.READ, query).detail("access report, " + shown.size() + " accesses"));
    Map<UUID, List<AuditSearch.Found>> byUser = new LinkedHashMap<>();
    for (AuditSearch.Found f : shown) {
      if (f.event().userId() != null) {
        byUser.computeIfAbsent(f.event().userId(), u -> new java.util.ArrayList<>()).add(f);
      }
    }
    List<AccessReport.Person> people =
        byUser.values().stream()
            .map(
                list -> {
                  AuditEvent newest = list.get(0).event();
                  return new AccessReport.Person(
                      newest.userId(),
                      newest.username(),
                      newest.roles(),
                      list.size(),
                      list.get(list.size() - 1).event().occurredAt(),
                      newest.occurredAt());
                })
            .toList();
    List<AccessReport.Access> accesses =
        shown.stream()
            .map(
                f -> {
                  AuditEvent e = f.event();
                  return new AccessReport.Access(
                      f.seq(),
                      e.occurredAt(),
                      e.userId(),
                      e.username(),
                      e.roles(),
                      e.action(),
                      e.objectType(),
                      e.objectId(),
                      e.emergencyId(),
                      e.purpose(),
                      e.justification(),
                      e.outcome(),
                      e.clientIp());
                })
            .toList();
    return new AccessReport(ref, start, end, people, accesses, truncated);
  }

  @GET
  @Path("events/export")
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
    boolean fhir;
    if (format == null || format.isBlank() || format.equalsIgnoreCase("csv")) {
      fhir = false;
    } else if (format.equalsIgnoreCase("fhir")) {
      fhir = true;
    } else {
      throw InvalidInput.of("format", "must be csv or fhir");
    }
    AuditQuery query =
        new AuditFilter(from, to, userId, patientRef, emergencyId, action, outcome, purpose)
            .toQuery();
    List<AuditSearch.Found> rows = search.all(query, MAX_EXPORT);
    if (rows.size() > MAX_EXPORT) {
      throw new UnprocessableContent(
          "export-too-large",
          "More than " + MAX_EXPORT + " events match; narrow the time range or the filters.");
    }
    trail.record(
        about(AuditAction.EXPORT, query)
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

  @GET
  @Path("verification")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(action = AuditAction.VERIFY, object = ObjectType.AUDIT_TRAIL)
  @Operation(
      summary = "Verify the chain",
      description =
          "Recomputes every hash and checks every signed checkpoint: OK with counts, or BROKEN"
              + " at the first broken position with what is wrong.")
  public VerificationView verification() {
    AuditVerification.Verdict verdict = verification.verify();
    ChainVerifier.Report report = verdict.report();
    String status = report.intact() ? "OK" : "BROKEN";
    trail.recordApart(
        AuditEvent.of(AuditAction.VERIFY, ObjectType.AUDIT_TRAIL, null)
            .purpose(Purpose.OPERATIONS)
            .detail(
                status + " events=" + report.events() + " checkpoints=" + report.checkpoints()));
    Instant oldest = verification.oldestEvent().orElse(null);
    int years = Math.max(6, retentionYears);
    return new VerificationView(
        status,
        report.events(),
        report.checkpoints(),
        report.firstBrokenSeq(),
        report.problem(),
        verdict.pending(),
        report.lastCheckpointAt(),
        verdict.checkedAt(),
        keys.keyId(),
        years,
        oldest,
        oldest == null ? null : oldest.atOffset(ZoneOffset.UTC).plusYears(years).toInstant());
  }

  @GET
  @Path("flags")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Flagged events",
      description =
          "Break-glass, non-participant, after-hours, denied and bulk reads in [from, to)"
              + " (default: the last 7 days), oldest first, each with the review covering it."
              + " kind=... narrows to one kind.")
  public FlagView flags(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("kind") String kind) {
    Instant end = to == null ? clock.instant() : AuditFilter.instant("to", to);
    Instant start =
        from == null ? end.minus(Duration.ofDays(7)) : AuditFilter.instant("from", from);
    if (!start.isBefore(end)) {
      throw InvalidInput.of("from", "must be before to");
    }
    Set<FlagKind> kinds =
        kind == null
            ? EnumSet.allOf(FlagKind.class)
            : EnumSet.of(AuditFilter.parse("kind", kind, FlagKind::valueOf, FlagKind.values()));
    AuditQuery range = new AuditQuery(start, end, null, null, null, null, null, null);
    List<AuditFlags.Flag> found = flags.flags(range, kinds);
    if (found == null) {
      throw new UnprocessableContent(
          "range-too-large",
          "The range holds more than " + AuditFlags.MAX_EVENTS + " events; choose a shorter one.");
    }
    List<Review> covering = reviews.overlapping(start, end);
    trail.record(
        about(AuditAction.READ, range)
            .detail("flags " + range.summary() + " found=" + found.size()));
    return new FlagView(
        start,
        end,
        found.stream()
            .map(
                f ->
                    new FlagView.Item(
                        f.kind(),
                        f.detail(),
                        AuditEventView.of(f.found()),
                        covering.stream()
                            .filter(
                                r ->
                                    r.covers(
                                        f.kind(),
                                        f.found().event().id(),
                                        f.found().event().occurredAt()))
                            .findFirst()
                            .map(AuditResource::view)
                            .orElse(null)))
            .toList());
  }

  @POST
  @Path("reviews")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.AUDIT_REVIEW)
  @Operation(
      summary = "Attest a review",
      description =
          "Marks a period, one kind of flag in it, or one event as reviewed, with a note. Written"
              + " once; a correction is a new review.")
  public Response review(
      @Valid @NotNull(message = "a JSON object is required") ReviewRequest body) {
    Review review =
        reviews.attest(
            new AuditReviews.Attestation(
                body.clinicId(), body.from(), body.to(), body.kind(), body.eventId(), body.note()));
    return Response.status(201).entity(view(review)).build();
  }

  @GET
  @Path("reviews")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_REVIEW)
  @Transactional
  @Operation(summary = "Review attestations", description = "Those overlapping [from, to).")
  public List<FlagView.ReviewView> reviews(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = to == null ? clock.instant() : AuditFilter.instant("to", to);
    Instant start = from == null ? Instant.EPOCH : AuditFilter.instant("from", from);
    List<Review> found = reviews.overlapping(start, end);
    trail.record(
        AuditEvent.of(AuditAction.READ, ObjectType.AUDIT_REVIEW, null)
            .purpose(Purpose.OPERATIONS)
            .detail("reviews found=" + found.size()));
    return found.stream().map(AuditResource::view).toList();
  }

  @GET
  @Path("public-key")
  @RolesAllowed({Role.Names.COMPLIANCE_OFFICER, Role.Names.ADMIN})
  @Operation(
      summary = "The checkpoint signing key's public half",
      description = "PEM and Tink public keyset; keep a copy apart from the database.")
  public PublicKeyView publicKey() {
    return new PublicKeyView(keys.keyId(), "Ed25519", keys.publicKeyPem(), keys.publicKeysetJson());
  }

  // --- parameters ------------------------------------------------------------------------------

  private AuditEvent.Draft about(AuditAction action, AuditQuery query) {
    return AuditEvent.of(action, ObjectType.AUDIT_TRAIL, null)
        .patient(query.patientRef())
        .emergency(query.emergencyId(), null)
        .purpose(Purpose.OPERATIONS);
  }

  private static FlagView.ReviewView view(Review r) {
    return new FlagView.ReviewView(
        r.id(),
        r.clinicId(),
        r.periodFrom(),
        r.periodTo(),
        r.flagKind(),
        r.eventId(),
        r.note(),
        r.reviewedBy(),
        r.reviewedAt());
  }
}
