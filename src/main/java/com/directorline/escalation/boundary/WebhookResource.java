package com.directorline.escalation.boundary;

import com.directorline.escalation.control.Deliveries;
import com.directorline.escalation.control.Dispatcher;
import com.directorline.escalation.entity.Delivery;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.NotFound;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A clinic's webhook for SMS and pager gateways. Its own root path: JAX-RS does not backtrack
 * between root resources, so a class at {@code clinics/{id}} would capture the clinic itself.
 */
@Path("clinics/{id}/webhook")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class WebhookResource {

  @Inject Deliveries deliveries;
  @Inject Caller caller;
  @Inject Clinics clinics;

  /** The webhook as the API shows it: never the secret. */
  public record WebhookView(String url, Instant updatedAt) {}

  @GET
  @Operation(summary = "The clinic's webhook", description = "404 when none is set.")
  public WebhookView get(@PathParam("id") UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    return deliveries
        .webhook(clinicId)
        .map(w -> new WebhookView(w.url(), w.updatedAt()))
        .orElseThrow(() -> new NotFound("webhook"));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Set the clinic's webhook",
      description =
          "Alerts are POSTed as JSON signed with HMAC-SHA256 over timestamp and body"
              + " (docs/webhooks.md). The secret is never shown again.")
  public WebhookView put(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") WebhookSettings body) {
    caller.requireMemberOf(clinicId, "clinic");
    var webhook = deliveries.configureWebhook(clinicId, body.url(), body.secret(), caller.userId());
    return new WebhookView(webhook.url(), webhook.updatedAt());
  }

  /** How a test alert went: the receiver's HTTP status, or why it did not arrive. */
  public record WebhookTestResult(boolean delivered, Integer statusCode, String problem) {}

  @POST
  @Path("test")
  @Operation(
      summary = "Send a test alert to the clinic's webhook now",
      description =
          "Signed like every alert, with \"type\": \"test\" and no emergency or person in it;"
              + " answers whether the receiver took it (2xx) and its HTTP status, or only \"no"
              + " answer\" or \"target not allowed\". 404 when no webhook is set.")
  public WebhookTestResult test(@PathParam("id") UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    String name =
        clinics.byId(clinicId).map(Clinic::name).orElseThrow(() -> new NotFound("clinic"));
    Dispatcher.Result result = deliveries.sendTest(clinicId, name);
    return new WebhookTestResult(
        result.outcome() == Delivery.Outcome.SENT, result.statusCode(), result.error());
  }

  @DELETE
  @Operation(summary = "Remove the clinic's webhook")
  public Response delete(@PathParam("id") UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    if (!deliveries.removeWebhook(clinicId)) {
      throw new NotFound("webhook");
    }
    return Response.noContent().build();
  }
}
