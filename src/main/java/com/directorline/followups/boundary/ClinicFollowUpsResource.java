package com.directorline.followups.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.ObjectType;
import com.directorline.followups.control.ClinicFollowUps;
import com.directorline.followups.entity.FollowUpView;
import com.directorline.identity.entity.Role;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A clinic's follow-ups after its emergencies. */
@Path("clinics/{id}/follow-ups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ClinicFollowUpsResource {

  @Inject ClinicFollowUps followUps;

  @GET
  @RolesAllowed({Role.Names.DIRECTOR, Role.Names.INJECTOR})
  @Audited(object = ObjectType.FOLLOW_UP)
  @Operation(
      summary = "The clinic's follow-ups",
      description =
          "Soonest first, with the consent-exception tasks. ?status=open (default), scheduled,"
              + " due (due or overdue), overdue, done or all. Directors see all of the clinic's;"
              + " an injector those assigned to them or following emergencies they launched.")
  public List<FollowUpView> list(
      @PathParam("id") UUID clinicId, @QueryParam("status") String status) {
    ClinicFollowUps.Filter filter;
    try {
      filter =
          status == null || status.isBlank()
              ? ClinicFollowUps.Filter.OPEN
              : ClinicFollowUps.Filter.valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidInput.of(
          "status",
          "must be one of "
              + Arrays.stream(ClinicFollowUps.Filter.values())
                  .map(f -> f.name().toLowerCase(Locale.ROOT))
                  .toList());
    }
    return followUps.list(clinicId, filter);
  }
}
