package com.directorline.escalation.boundary;

import com.directorline.escalation.control.Deliveries;
import com.directorline.escalation.entity.Delivery;
import com.directorline.identity.control.Caller;
import com.directorline.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The record of a clinic's alert deliveries by email and webhook. */
@Path("clinics/{id}/alert-deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.Names.ADMIN)
public class DeliveriesResource {

  @Inject Deliveries deliveries;
  @Inject Caller caller;

  /** One delivery attempt. */
  public record DeliveryView(
      long alertSeq,
      Delivery.Channel channel,
      String target,
      int attempt,
      Delivery.Outcome outcome,
      Integer statusCode,
      String error,
      Instant attemptedAt) {}

  @GET
  @Operation(
      summary = "Recent alert deliveries",
      description = "Every email and webhook attempt with its result, newest first.")
  public List<DeliveryView> recent(@PathParam("id") UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    return deliveries.recent(clinicId, 200).stream()
        .map(
            d ->
                new DeliveryView(
                    d.alertSeq(),
                    d.channel(),
                    d.target(),
                    d.attempt(),
                    d.outcome(),
                    d.statusCode(),
                    d.error(),
                    d.attemptedAt()))
        .toList();
  }
}
