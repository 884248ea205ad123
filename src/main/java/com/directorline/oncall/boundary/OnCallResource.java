package com.directorline.oncall.boundary;

import com.directorline.identity.control.Caller;
import com.directorline.identity.entity.Role;
import com.directorline.oncall.control.Rosters;
import com.directorline.oncall.entity.Line;
import com.directorline.platform.boundary.InstantParameter;
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
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Who is on call: now or at an instant, over a period for the calendar, and handing over now. */
@Path("clinics/{id}/on-call")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {

  @Inject Rosters rosters;
  @Inject RosterViews views;
  @Inject Caller caller;
  @Inject Clock clock;

  @GET
  @RolesAllowed({
    Role.Names.ADMIN,
    Role.Names.DIRECTOR,
    Role.Names.INJECTOR,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Operation(
      summary = "Who is on call",
      description =
          "Primary and backup at the instant at (now when absent); a line with nobody"
              + " is absent from the answer.")
  public RosterViews.OnCallView onCall(
      @PathParam("id") UUID clinicId, @QueryParam("at") String at) {
    caller.requireMemberOf(clinicId, "clinic");
    Instant when = Optional.ofNullable(InstantParameter.parse("at", at)).orElseGet(clock::instant);
    return views.onCall(when, rosters.roster(clinicId, when, when.plusNanos(1)));
  }

  @GET
  @Path("calendar")
  @RolesAllowed({
    Role.Names.ADMIN,
    Role.Names.DIRECTOR,
    Role.Names.INJECTOR,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Operation(
      summary = "The shifts of a period",
      description =
          "Both lines' shifts in [from, to) (default: the next 7 days; at most 62 days), cut at"
              + " handoffs and overrides; a shift with no person is a gap.")
  public List<RosterViews.ShiftView> calendar(
      @PathParam("id") UUID clinicId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var period = InstantParameter.startingNow(from, to, Duration.ofDays(7), clock);
    return views.shifts(rosters.calendar(clinicId, period.from(), period.to()));
  }

  @GET
  @Path("gaps")
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
  @Operation(
      summary = "Where the roster does not cover",
      description =
          "The stretches of [from, to) (default: the next 7 days) with nobody on the primary"
              + " line, or a disabled director on either line; empty when covered.")
  public List<GapView> gaps(
      @PathParam("id") UUID clinicId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var period = InstantParameter.startingNow(from, to, Duration.ofDays(7), clock);
    return rosters.gaps(clinicId, period.from(), period.to()).stream()
        .map(g -> new GapView(g.line(), g.userId(), g.from(), g.to(), g.why()))
        .toList();
  }

  /** A stretch the roster does not cover, and why. */
  public record GapView(Line line, UUID userId, Instant from, Instant to, String why) {}

  @POST
  @Path("hand-over")
  @RolesAllowed(Role.Names.DIRECTOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Hand over now",
      description =
          "\"I can't take calls for the next N minutes\": whoever is on the other line now covers"
              + " yours until then, and is told by email. 409 not-on-call, 409"
              + " nobody-to-hand-over-to.")
  public Response handOver(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") HandOverRequest body) {
    return Response.status(201)
        .entity(views.override(rosters.handOver(clinicId, Duration.ofMinutes(body.minutes()))))
        .build();
  }
}
