package com.directorline.compliance.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.compliance.control.AuditFlags;
import com.directorline.compliance.control.AuditQuery;
import com.directorline.compliance.control.AuditReviews;
import com.directorline.compliance.control.AuditSearch;
import com.directorline.compliance.entity.FlagKind;
import com.directorline.compliance.entity.Review;
import com.directorline.identity.entity.Role;
import com.directorline.platform.boundary.InstantParameter;
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
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The events worth a second look, each with the review that covers it. */
@Path("audit/flags")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FlagsResource {

  @Inject AuditFlags flags;
  @Inject AuditReviews reviews;
  @Inject AuditTrail trail;
  @Inject AuditSearch search;
  @Inject Clock clock;

  @GET
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "Flagged events",
      description =
          "Break-glass, non-participant, after-hours (outside the clinic's hours in its time"
              + " zone; not the emergency's own people while it is open or within"
              + " directorline.audit.participant-grace-hours after, nor the officer's review of"
              + " the trail), denied, bulk reads and consent exceptions in [from, to) (default:"
              + " the last 7 days). Grouped per kind, clinic, person, the clinic's day and"
              + " emergency, newest group first; each group counts its flags and those a review"
              + " covers and shows the first 10 (more: how many not); at most 100 groups are"
              + " listed (groupCount: all of them; kinds: the flags per kind). kind=... narrows to"
              + " one kind.")
  public FlagView flags(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("kind") String kind) {
    InstantParameter.Period period =
        InstantParameter.endingNow(from, to, Duration.ofDays(7), clock);
    Instant start = period.from();
    Instant end = period.to();
    Set<FlagKind> kinds =
        kind == null
            ? EnumSet.allOf(FlagKind.class)
            : EnumSet.of(AuditFilter.parse("kind", kind, FlagKind::valueOf, FlagKind.values()));
    AuditQuery range = new AuditQuery(start, end, null, null, null, null, null, null);
    List<AuditFlags.Grouped> groups = flags.groups(range, kinds);
    if (groups == null) {
      throw new UnprocessableContent(
          "range-too-large",
          "The range holds more than " + AuditFlags.MAX_EVENTS + " events; choose a shorter one.");
    }
    List<Review> covering = reviews.overlapping(start, end);
    // Whole events (with their chain position) only for the flags shown: a week's groups can count
    // thousands of flags, and the officer opens a handful.
    List<AuditFlags.Grouped> listed = groups.stream().limit(FlagView.MAX_GROUPS).toList();
    Map<Long, AuditSearch.Found> shown =
        search.byIds(
            listed.stream()
                .flatMap(g -> g.flags().stream().limit(FlagView.SHOWN))
                .map(f -> f.event().id())
                .collect(Collectors.toSet()));
    int total = groups.stream().mapToInt(g -> g.flags().size()).sum();
    trail.record(
        range.recorded(AuditAction.READ).detail("flags " + range.summary() + " found=" + total));
    Map<FlagKind, Integer> perKind = new EnumMap<>(FlagKind.class);
    groups.forEach(g -> perKind.merge(g.kind(), g.flags().size(), Integer::sum));
    return new FlagView(
        start,
        end,
        total,
        perKind,
        groups.size(),
        listed.stream()
            .map(
                g ->
                    new FlagView.Group(
                        g.kind(),
                        g.flags().get(0).detail(),
                        g.clinicId(),
                        g.clinicName(),
                        g.zone().getId(),
                        g.day(),
                        g.userId(),
                        g.username(),
                        g.emergencyId(),
                        g.flags().size(),
                        (int) g.flags().stream().filter(f -> review(covering, f) != null).count(),
                        g.first(),
                        g.last(),
                        g.flags().stream()
                            .limit(FlagView.SHOWN)
                            .filter(f -> shown.containsKey(f.event().id()))
                            .map(
                                f ->
                                    new FlagView.Item(
                                        f.kind(),
                                        f.detail(),
                                        AuditEventView.of(shown.get(f.event().id())),
                                        Optional.ofNullable(review(covering, f))
                                            .map(FlagView.ReviewView::of)
                                            .orElse(null)))
                            .toList(),
                        Math.max(0, g.flags().size() - FlagView.SHOWN)))
            .toList());
  }

  private static Review review(List<Review> covering, AuditFlags.Flag flag) {
    return covering.stream()
        .filter(r -> r.covers(flag.kind(), flag.event().id(), flag.event().at()))
        .findFirst()
        .orElse(null);
  }
}
