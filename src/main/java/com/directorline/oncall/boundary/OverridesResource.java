package com.directorline.oncall.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.oncall.control.Rosters;
import com.directorline.oncall.entity.RosterOverride;
import com.directorline.platform.boundary.InstantParameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Overrides of the roster: a swap, a holiday. */
@Path("clinics/{id}/overrides")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OverridesResource {

  @Inject Rosters rosters;
  @Inject RosterViews views;
  @Inject Clock clock;
  @Context UriInfo uri;

  @GET
  @RolesAllowed({
    Role.Names.ADMIN,
    Role.Names.DIRECTOR,
    Role.Names.INJECTOR,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Operation(
      summary = "The overrides of a period",
      description =
          "Every override touching [from, to) (default: from now for 62 days; at most 366 days),"
              + " whole and with its reason, earliest first; at most 200.")
  public List<RosterViews.OverrideView> list(
      @PathParam("id") UUID clinicId,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    var period = InstantParameter.startingNow(from, to, Duration.ofDays(62), clock);
    return views.overrides(rosters.overrides(clinicId, period.from(), period.to()));
  }

  @POST
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Put someone on a line for a while",
      description =
          "An admin may put any active director of the clinic on a line; a director only gives"
              + " away a stretch of their own shift (403 not-your-shift). The newest override"
              + " covering an instant wins.")
  public Response cover(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") OverrideRequest body) {
    RosterOverride override =
        rosters.cover(clinicId, body.line(), body.userId(), body.from(), body.to(), body.reason());
    return Response.created(uri.getAbsolutePathBuilder().path(override.id().toString()).build())
        .entity(views.override(override))
        .build();
  }

  @DELETE
  @Path("{overrideId}")
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
  @Operation(
      summary = "Remove an override",
      description = "An admin, or the director who made it; the rotation applies again.")
  public Response remove(@PathParam("id") UUID clinicId, @PathParam("overrideId") UUID overrideId) {
    rosters.remove(clinicId, overrideId);
    return Response.noContent().build();
  }
}
