package com.directorline.followups.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.followups.control.ClinicFollowUps;
import com.directorline.followups.entity.FollowUpView;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.PhotoUploads;
import com.directorline.photos.entity.PhotoView;
import com.directorline.platform.boundary.InstantParameter;
import com.directorline.platform.boundary.JsonBodyReader;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** One follow-up: rescheduled, reassigned, reworded, photographed, completed. */
@Path("follow-ups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FollowUpsResource {

  private static final String REQUIRED = "a JSON object is required";

  @Inject ClinicFollowUps followUps;
  @Inject PhotoUploads uploads;
  @Context UriInfo uri;

  @PATCH
  @Path("{id}")
  @RolesAllowed({Role.Names.DIRECTOR, Role.Names.INJECTOR})
  @Consumes({MediaType.APPLICATION_JSON, JsonBodyReader.MERGE_PATCH})
  @Audited(action = AuditAction.UPDATE, object = ObjectType.FOLLOW_UP)
  @Operation(
      summary = "Reschedule, reassign or reword a follow-up",
      description =
          "The assignee or a director of the clinic, while it is open (409 follow-up-done).")
  public FollowUpView change(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) FollowUpChange body) {
    return followUps.change(id, body.what(), body.dueAt(), body.assigneeId());
  }

  @POST
  @Path("{id}/complete")
  @RolesAllowed({Role.Names.DIRECTOR, Role.Names.INJECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.UPDATE, object = ObjectType.FOLLOW_UP)
  @Operation(
      summary = "Complete a follow-up with its outcome",
      description =
          "The assignee or a director of the clinic; a consent-exception task too. Once (409"
              + " follow-up-done or task-completed).")
  public FollowUpView complete(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) FollowUpCompletion body) {
    return followUps.complete(id, body.outcome());
  }

  @POST
  @Path("{id}/photos")
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Role.Names.DIRECTOR, Role.Names.INJECTOR})
  @Audited(action = AuditAction.CREATE, object = ObjectType.PHOTO)
  @Operation(
      summary = "Add a photo to a follow-up",
      description =
          "Before completing it: the assignee or a director of the clinic, while it is open (409"
              + " follow-up-done). The body and headers as for an emergency's photo (JPEG or PNG,"
              + " at most 20 MB, metadata removed, encrypted; X-Caption, X-Captured-At); the"
              + " patient's photo consent or the emergency's exception is required. The photo is"
              + " one of the emergency's, naming the follow-up (followUpId), and is listed on the"
              + " follow-up (photoIds).")
  public Response addPhoto(
      @PathParam("id") UUID id,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam("X-Caption") String caption,
      @HeaderParam("X-Captured-At") String capturedAt,
      InputStream body) {
    PhotoUploads.Described described =
        uploads.describe(caption, InstantParameter.parse("X-Captured-At", capturedAt));
    long declared = uploads.declared(contentLength);
    UUID emergencyId = followUps.requireAcceptingPhoto(id);
    PhotoView photo =
        uploads.receive(
            declared,
            body,
            emergencyId,
            received ->
                followUps.addPhoto(id, received, described.caption(), described.capturedAt()));
    return Response.created(
            uri.getBaseUriBuilder().path("photos").path(photo.id().toString()).build())
        .entity(photo)
        .build();
  }
}
