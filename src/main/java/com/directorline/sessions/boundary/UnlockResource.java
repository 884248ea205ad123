package com.directorline.sessions.boundary;

import com.directorline.identity.entity.Role;
import com.directorline.sessions.control.Lockouts;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An admin lifts a sign-in lock, say for a director locked out while on call. */
@Path("users/{id}/unlock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UnlockResource {

  @Inject Lockouts lockouts;

  /** What the unlock found. */
  @Schema(name = "Unlocked", description = "Whether the person's username was locked.")
  public record Unlocked(boolean wasLocked) {}

  @POST
  @RolesAllowed(Role.Names.ADMIN)
  @Operation(
      summary = "Lift a sign-in lock",
      description =
          "Lifts every lock on the person's username after too many failed sign-ins, from every"
              + " address. Only an admin of every clinic the person works for (403 otherwise).")
  public Unlocked unlock(@PathParam("id") UUID userId) {
    return new Unlocked(lockouts.unlock(userId));
  }
}
