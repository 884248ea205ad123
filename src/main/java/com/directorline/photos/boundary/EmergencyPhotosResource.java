package com.directorline.photos.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.identity.entity.Role;
import com.directorline.photos.control.Photos;
import com.directorline.photos.control.UploadAdmission;
import com.directorline.photos.entity.Photo;
import com.directorline.platform.boundary.InstantParameter;
import com.directorline.platform.entity.PlainText;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Photos of one emergency: taken by its participants, listed for those who may see it. */
@Path("emergencies/{id}/photos")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmergencyPhotosResource {

  /** How far a phone's clock may run ahead of ours before its capture time counts as wrong. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  @Inject Photos photos;
  @Inject UploadAdmission admission;
  @Inject Clock clock;
  @Context UriInfo uri;

  @Inject
  @ConfigProperty(name = "directorline.photos.max-bytes", defaultValue = "20971520")
  int maxBytes;

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
    if (caption != null && caption.length() > 500) {
      throw InvalidInput.of("X-Caption", "must be at most 500 characters");
    }
    PlainText.require("X-Caption", caption);
    Instant captured = InstantParameter.parse("X-Captured-At", capturedAt);
    if (captured != null && captured.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw InvalidInput.of("X-Captured-At", "must not be in the future");
    }
    long declared =
        contentLength != null && contentLength.matches("\\d{1,18}")
            ? Long.parseLong(contentLength)
            : -1;
    if (declared > maxBytes) {
      throw tooLarge();
    }
    // Refusals that need no byte of the body (not a participant, closed, no patient yet) come
    // before it is read.
    photos.requireAccepting(emergencyId);
    Photo photo;
    // Room in memory before the first byte is read: beyond it 503, never an exhausted heap.
    try (UploadAdmission.Ticket room = admission.admit(declared >= 0 ? declared : maxBytes)) {
      byte[] upload = read(body, declared);
      if (upload.length == 0) {
        throw new UnsupportedMediaType("not-an-image", "The body is empty; send the photo.");
      }
      photo = photos.upload(emergencyId, upload, caption, captured);
    }
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

  private ContentTooLarge tooLarge() {
    return new ContentTooLarge(
        "photo-too-large", "A photo may be at most " + (maxBytes / (1024 * 1024)) + " MB.");
  }

  /**
   * The whole body, or 413 as soon as it passes the limit; nothing is stored before this. With a
   * declared length the body is read into one array of that size (no growing copies), and a body
   * that ends early or runs on is refused.
   */
  private byte[] read(InputStream in, long declared) {
    if (declared < 0) {
      return readAtMost(in, maxBytes);
    }
    try (in) {
      byte[] upload = in.readNBytes((int) declared);
      if (upload.length != declared || in.read() != -1) {
        // The connection dropped part-way, or the body is not what the header said.
        throw new UploadIncomplete();
      }
      return upload;
    } catch (IOException e) {
      throw new UploadIncomplete();
    }
  }

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
