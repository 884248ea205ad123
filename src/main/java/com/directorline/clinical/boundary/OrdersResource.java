package com.directorline.clinical.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.clinical.control.Orders;
import com.directorline.clinical.entity.OrderView;
import com.directorline.identity.entity.Role;
import com.directorline.platform.boundary.OptionalBody;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Orders on the call, each read back as given. */
@Path("emergencies/{id}/orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

  @Inject Orders orders;

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Audited(object = ObjectType.MEDICATION_ORDER, inEmergency = true)
  @Operation(
      summary = "The emergency's orders",
      description =
          "By number, each ORDERED, PENDING (not read back by pendingAt) or GIVEN with the time."
              + " Participants and the clinic's directors.")
  public List<OrderView> list(@PathParam("id") UUID id) {
    return orders.list(id);
  }

  @POST
  @RolesAllowed(Role.Names.DIRECTOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.MEDICATION_ORDER, inEmergency = true)
  @Operation(
      summary = "Order a medication",
      description =
          "The director who accepted, while the call is open. The injector's phone shows it at"
              + " the top until it is read back.")
  public Response order(
      @PathParam("id") UUID id,
      @Valid @NotNull(message = "a JSON object is required") NewOrder body) {
    return Response.status(201)
        .entity(
            orders.order(
                id,
                body.medication(),
                body.dose(),
                body.unit(),
                body.route(),
                body.site(),
                body.note()))
        .build();
  }

  @POST
  @Path("{orderId}/given")
  @RolesAllowed(Role.Names.INJECTOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.UPDATE, object = ObjectType.MEDICATION_ORDER, inEmergency = true)
  @Operation(
      summary = "Read an order back as given",
      description =
          "The injector who launched the emergency, during the call or after it ended; givenAt"
              + " (optional) is when it was given, not before the order nor in the future. Once"
              + " per order (409 order-given).")
  public OrderView given(
      @PathParam("id") UUID id,
      @PathParam("orderId") UUID orderId,
      @Valid @OptionalBody GivenRequest body) {
    return orders.given(id, orderId, body == null ? null : body.givenAt());
  }
}
