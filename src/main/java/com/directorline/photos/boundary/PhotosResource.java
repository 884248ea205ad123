package com.directorline.photos.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.ObjectType;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.Photos;
import com.directorline.platform.entity.PlainText;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A photo's bytes. */
@Path("photos")
@RequestScoped
public class PhotosResource {

  @Inject Photos photos;

  @GET
  @Path("{id}")
  @Produces(MediaType.WILDCARD)
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR, Role.Names.COMPLIANCE_OFFICER})
  @Audited(object = ObjectType.PHOTO)
  @Operation(
      summary = "The photo",
      description =
          "The cleaned image bytes, never cached. Participants and the clinic's directors; a"
              + " compliance officer only with X-Break-Glass-Reason (a sentence of at least 20"
              + " characters), flagged for review.")
  public Response image(
      @PathParam("id") UUID id, @HeaderParam("X-Break-Glass-Reason") String breakGlassReason) {
    PlainText.require("X-Break-Glass-Reason", breakGlassReason);
    Photos.Shown shown = photos.view(id, breakGlassReason);
    // Streamed as it is decrypted; the length tells a client that a cut-off answer is not whole.
    StreamingOutput bytes = shown::writeTo;
    return Response.ok(bytes, shown.photo().contentType())
        .header("Content-Length", shown.photo().sizeBytes())
        .header("Content-Disposition", "inline; filename=\"photo-" + id + "\"")
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }
}
