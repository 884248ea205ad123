package com.directorline.compliance.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.control.AuditReviews;
import com.directorline.compliance.entity.Review;
import com.directorline.identity.entity.Role;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The compliance officer's review attestations: written once, listed by period. */
@Path("audit/reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

  @Inject AuditReviews reviews;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  @POST
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
    return Response.status(201).entity(FlagView.ReviewView.of(review)).build();
  }

  @GET
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_REVIEW)
  @Transactional
  @Operation(summary = "Review attestations", description = "Those overlapping [from, to).")
  public List<FlagView.ReviewView> reviews(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    Instant end = Optional.ofNullable(AuditFilter.instant("to", to)).orElseGet(clock::instant);
    Instant start = Optional.ofNullable(AuditFilter.instant("from", from)).orElse(Instant.EPOCH);
    List<Review> found = reviews.overlapping(start, end);
    trail.record(
        AuditEvent.of(AuditAction.READ, ObjectType.AUDIT_REVIEW, null)
            .purpose(Purpose.OPERATIONS)
            .detail("reviews found=" + found.size()));
    return found.stream().map(FlagView.ReviewView::of).toList();
  }
}
