package com.directorline.compliance.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.compliance.control.AuditFlags;
import com.directorline.compliance.control.AuditQuery;
import com.directorline.compliance.control.AuditReviews;
import com.directorline.compliance.entity.FlagKind;
import com.directorline.compliance.entity.Review;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.UnprocessableContent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The events worth a second look, each with the review that covers it. */
@Path("audit/flags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlagsResource {

  @Inject AuditFlags flags;
  @Inject AuditReviews reviews;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  @GET
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
        range
            .recorded(AuditAction.READ)
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
                            .map(FlagView.ReviewView::of)
                            .orElse(null)))
            .toList());
  }
}
