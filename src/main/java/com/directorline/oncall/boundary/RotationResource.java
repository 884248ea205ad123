package com.directorline.oncall.boundary;

import com.directorline.identity.control.Clinics;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.oncall.control.Rosters;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A clinic's on-call rotation: read by its staff, defined by its admins. */
@Path("clinics/{id}/rotation")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RotationResource {

  @Inject Rosters rosters;
  @Inject Clinics clinics;
  @Inject RosterViews views;

  @GET
  @RolesAllowed({
    Role.Names.ADMIN,
    Role.Names.DIRECTOR,
    Role.Names.INJECTOR,
    Role.Names.COMPLIANCE_OFFICER
  })
  @Operation(summary = "The on-call rotation", description = "404 before one is defined.")
  public RosterViews.RotationView get(@PathParam("id") UUID clinicId) {
    return rosters
        .rotation(clinicId)
        .map(views::rotation)
        .orElseThrow(() -> new NotFound("rotation"));
  }

  @PUT
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Define the on-call rotation",
      description =
          "Replaces the rotation whole. Everyone named must be an active director of the clinic"
              + " (violations name primary[i] or backup[i]). Emergencies already launched keep the"
              + " directors they were frozen with.")
  public RosterViews.RotationView define(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") RotationDefinition body) {
    ZoneId zone =
        body.timeZone() == null
            ? clinics.byId(clinicId).map(Clinic::zone).orElse(ZoneId.of("UTC"))
            : Clinic.zoneNamed(body.timeZone(), "timeZone");
    LocalDate startsOn;
    try {
      startsOn = LocalDate.parse(body.startsOn());
    } catch (DateTimeParseException e) {
      throw InvalidInput.of("startsOn", "is not a date in the calendar");
    }
    return views.rotation(
        rosters.define(
            clinicId,
            new Rosters.Definition(
                zone,
                LocalTime.parse(body.handoffTime()),
                body.lengthDays(),
                startsOn,
                body.primary(),
                body.backup() == null ? List.of() : body.backup())));
  }
}
