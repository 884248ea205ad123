package com.directorline.readiness.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.readiness.control.Readiness;
import com.directorline.readiness.entity.Checklist;
import com.directorline.readiness.entity.Requirement;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A clinic's readiness checklist, for its admin and its directors. */
@Path("clinics/{id}/readiness")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
public class ReadinessResource {

  @Inject Readiness readiness;

  /** The checklist as the API shows it. */
  public record ReadinessView(boolean ready, long missing, List<ReadinessItem> items) {}

  /** One requirement: met or not, and what is there or what is missing, in plain words. */
  public record ReadinessItem(Requirement item, boolean ready, String detail) {}

  @GET
  @Operation(
      summary = "Is the clinic ready for an emergency?",
      description =
          "Each item met or not, with a sentence saying what is there or what is missing: an"
              + " active director who can sign in, a roster without gaps in the next 7 days, an"
              + " escalation policy, a transfer plan with a phone number, consent texts of every"
              + " kind, a drill in the last 90 days.")
  public ReadinessView get(@PathParam("id") UUID clinicId) {
    Checklist checklist = readiness.of(clinicId);
    return new ReadinessView(
        checklist.ready(),
        checklist.missing(),
        checklist.items().stream()
            .map(i -> new ReadinessItem(i.requirement(), i.ready(), i.detail()))
            .toList());
  }
}
