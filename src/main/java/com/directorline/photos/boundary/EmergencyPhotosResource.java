package com.directorline.photos.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.Photos;
import com.directorline.problems.entity.BadRequest;
import com.directorline.problems.entity.ContentTooLarge;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.UnsupportedMediaType;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Photos of one emergency: taken by its participants, listed for those who may see it. */
@Path("emergencies/{id}/photos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyPhotosResource {

  @Inject Photos photos;
  @Context UriInfo uri;

  @Inject
  @ConfigProperty(name = "directorline.photos.max-bytes", defaultValue = "20971520")
  int maxBytes;

  @POST
  @Consumes(MediaType.WILDCARD)
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(action = AuditAction.CREATE, object = ObjectType.PHOTO)
  @Operation(
      summary = "Add a photo",
      description =
          "The body is the JPEG or PNG itself (recognised by content; HEIC is refused with advice)."
              + " At most 20 MB. Location and all other metadata are removed; a sideways photo is"
              + " turned upright. Needs a photo consent in effect or the emergency exception."
              + " Optional headers: X-Caption, X-Captured-At (ISO-8601).")
  public Response add(
      @PathParam("id") UUID emergencyId,
      @HeaderParam("Content-Length") String contentLength,
      @HeaderParam("X-Caption") String caption,
      @HeaderParam("X-Captured-At") String capturedAt,
      InputStream body) {
    if (caption != null && caption.length() > 500) {
      throw InvalidInput.of("X-Caption", "must be at most 500 characters");
    }
    Instant captured = null;
    if (capturedAt != null && !capturedAt.isBlank()) {
      try {
        captured = Instant.parse(capturedAt.strip());
      } catch (DateTimeParseException e) {
        throw InvalidInput.of(
            "X-Captured-At", "must be an ISO-8601 UTC time such as 2026-11-23T08:00:00Z");
      }
    }
    if (contentLength != null
        && contentLength.matches("\\d{1,18}")
        && Long.parseLong(contentLength) > maxBytes) {
      throw tooLarge();
    }
    byte[] upload = readAtMost(body, maxBytes);
    if (contentLength != null
        && contentLength.matches("\\d{1,18}")
        && Long.parseLong(contentLength) != upload.length) {
      // The connection dropped part-way; nothing has been stored.
      throw new UploadIncomplete();
    }
    if (upload.length == 0) {
      throw new UnsupportedMediaType("not-an-image", "The body is empty; send the photo.");
    }
    var photo = photos.upload(emergencyId, upload, caption, captured);
    return Response.created(
            uri.getBaseUriBuilder().path("photos").path(photo.id().toString()).build())
        .entity(PhotoView.of(photo))
        .build();
  }

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(object = ObjectType.PHOTO)
  @Operation(
      summary = "The emergency's photos",
      description = "Metadata, oldest first; participants and the clinic's directors.")
  public List<PhotoView> list(@PathParam("id") UUID emergencyId) {
    return photos.list(emergencyId).stream().map(PhotoView::of).toList();
  }

  private ContentTooLarge tooLarge() {
    return new ContentTooLarge(
        "photo-too-large", "A photo may be at most " + (maxBytes / (1024 * 1024)) + " MB.");
  }

  /** The whole body, or 413 as soon as it passes the limit; nothing is stored before this. */
  private byte[] readAtMost(InputStream in, int max) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      byte[] buffer = new byte[64 * 1024];
      int total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > max) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UploadIncomplete();
    }
  }

  /** 400: the body ended early (a dropped connection); nothing was stored. */
  static final class UploadIncomplete extends BadRequest {
    UploadIncomplete() {
      super("upload-incomplete", "The photo did not arrive whole; send it again.");
    }
  }
}
