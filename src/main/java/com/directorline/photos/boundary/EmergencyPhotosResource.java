package com.directorline.photos.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.PhotoUploads;
import com.directorline.photos.control.Photos;
import com.directorline.photos.entity.Photo;
import com.directorline.photos.entity.PhotoView;
import com.directorline.platform.boundary.InstantParameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Photos of one emergency: taken by its participants, listed for those who may see it. */
@Path("emergencies/{id}/photos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyPhotosResource {

  @Inject Photos photos;
  @Inject PhotoUploads uploads;
  @Context UriInfo uri;

  @POST
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(action = AuditAction.CREATE, object = ObjectType.PHOTO, inEmergency = true)
  @Operation(
      summary = "Add a photo",
      description =
          "The body is the JPEG or PNG itself (recognised by content; HEIC is refused with advice)."
              + " At most 20 MB. Location and all other metadata are removed; a sideways photo is"
              + " turned upright. Needs a photo consent in effect or the emergency exception."
              + " Optional headers: X-Caption, X-Captured-At (ISO-8601, not in the future). When"
              + " too many photos arrive at once: 503 with Retry-After, and nothing is stored.")
  public Response add(
      @PathParam("id") UUID emergencyId,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam("X-Caption") String caption,
      @HeaderParam("X-Captured-At") String capturedAt,
      InputStream body) {
    PhotoUploads.Described described =
        uploads.describe(caption, InstantParameter.parse("X-Captured-At", capturedAt));
    long declared = uploads.declared(contentLength);
    // Refusals that need no byte of the body (not a participant, closed, no patient yet) come
    // before it is read.
    photos.requireAccepting(emergencyId);
    Photo photo =
        uploads.receive(
            declared,
            body,
            emergencyId,
            received ->
                photos.upload(emergencyId, received, described.caption(), described.capturedAt()));
    return Response.created(
            uri.getBaseUriBuilder().path("photos").path(photo.id().toString()).build())
        .entity(PhotoView.of(photo))
        .build();
  }

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(object = ObjectType.PHOTO, inEmergency = true)
  @Operation(
      summary = "The emergency's photos",
      description = "Metadata, oldest first; participants and the clinic's directors.")
  public List<PhotoView> list(@PathParam("id") UUID emergencyId) {
    return photos.list(emergencyId).stream().map(PhotoView::of).toList();
  }
}
