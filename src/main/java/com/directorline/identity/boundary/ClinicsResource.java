package com.directorline.identity.boundary;

import com.directorline.identity.control.Accounts;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.OpeningHours;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.TransferLine;
import com.directorline.platform.boundary.JsonBodyReader;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The admin's clinics and their staff. */
@Path("clinics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class ClinicsResource {

  @Inject Clinics clinics;
  @Inject Users users;
  @Inject Accounts accounts;
  @Inject Caller caller;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The clinics you belong to")
  public List<ClinicView> list() {
    return clinics.byIds(caller.clinicIds()).stream().map(ClinicView::of).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a clinic", description = "You become a member of the new clinic.")
  public Response open(@Valid @NotNull(message = "a JSON object is required") NewClinic body) {
    Clinic clinic = accounts.openClinic(body.name());
    return Response.created(
            uri.getBaseUriBuilder().path("clinics").path(clinic.id().toString()).build())
        .entity(ClinicView.of(clinic))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One of your clinics")
  public ClinicView get(@PathParam("id") UUID id) {
    caller.requireMemberOf(id, "clinic");
    return clinics.byId(id).map(ClinicView::of).orElseThrow(() -> new NotFound("clinic"));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, JsonBodyReader.MERGE_PATCH})
  @Operation(
      summary = "Change the clinic's settings",
      description =
          "name, timeZone (IANA name), hours (the whole week, in the clinic's time zone:"
              + " the compliance flags call an access outside them after hours), address and"
              + " nearestEd {name, phone}, transferPlan [{text, phone}] (what the phone shows when"
              + " the patient must go to hospital, each phone tap-to-call; frozen into each"
              + " emergency at launch in place of the escalation policy's text). Absent fields"
              + " stay as they are. The change is in the audit trail.")
  public ClinicView change(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a JSON object is required") ClinicSettings body) {
    ZoneId zone = body.timeZone() == null ? null : Clinic.zoneNamed(body.timeZone(), "timeZone");
    List<OpeningHours> hours = body.hours() == null ? null : spans(body.hours());
    ClinicSettings.EmergencyDepartment ed = body.nearestEd();
    return ClinicView.of(
        accounts.changeClinic(
            id,
            new Accounts.ClinicChange(
                body.name(),
                zone,
                hours,
                body.address(),
                ed == null ? null : ed.name(),
                ed == null ? null : ed.phone(),
                ed != null,
                body.transferPlan() == null ? null : lines(body.transferPlan()))));
  }

  /** The plan's lines numbered in the order written. */
  private static List<TransferLine> lines(List<ClinicSettings.TransferPlanLine> body) {
    List<TransferLine> lines = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      lines.add(new TransferLine(i, body.get(i).text(), body.get(i).phone()));
    }
    return lines;
  }

  private static List<OpeningHours> spans(List<ClinicSettings.Span> body) {
    List<OpeningHours> spans = new ArrayList<>();
    for (int i = 0; i < body.size(); i++) {
      ClinicSettings.Span span = body.get(i);
      LocalTime opens = LocalTime.parse(span.opens());
      LocalTime closes = LocalTime.parse(span.closes());
      if (!opens.isBefore(closes)) {
        throw InvalidInput.of(
            "hours[" + i + "].closes", "must be after opens (a span ends before midnight)");
      }
      spans.add(new OpeningHours(span.day(), opens, closes));
    }
    return spans;
  }

  @GET
  @Path("{id}/users")
  @Operation(summary = "The clinic's staff")
  public List<UserView> staff(@PathParam("id") UUID id) {
    caller.requireMemberOf(id, "clinic");
    return users.inClinic(id).stream().map(u -> UserView.of(u, caller.clinicIds())).toList();
  }

  @POST
  @Path("{id}/users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a staff member, or invite them",
      description =
          "Without a password the person is invited: the answer's setup.link is a one-time link"
              + " (valid for directorline.identity.setup-link-hours) with which they choose their"
              + " own password; it is shown in this answer only. 409 when the username is taken.")
  public Response enrol(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a JSON object is required") NewUser body) {
    Accounts.Enrolled enrolled =
        accounts.enrol(
            id,
            new Accounts.Enrolment(
                body.username(),
                body.displayName(),
                body.email(),
                body.phone(),
                body.password(),
                body.roles()));
    return Response.created(
            uri.getBaseUriBuilder().path("users").path(enrolled.user().id().toString()).build())
        .entity(UserView.of(enrolled.user(), caller.clinicIds(), enrolled.setupLink()))
        .build();
  }
}
