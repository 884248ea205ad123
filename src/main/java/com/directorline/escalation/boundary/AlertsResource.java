package com.directorline.escalation.boundary;

import com.directorline.escalation.control.AlertHub;
import com.directorline.escalation.control.Alerts;
import com.directorline.identity.control.Caller;
import com.directorline.identity.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The director's live console feed. */
@Path("alerts")
@RequestScoped
public class AlertsResource {

  /** A console opened without Last-Event-ID first gets the alerts of this recent past. */
  static final Duration RECENT = Duration.ofMinutes(15);

  @Inject AlertHub hub;
  @Inject Alerts alerts;
  @Inject Caller caller;
  @Inject Clock clock;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @RolesAllowed(Role.Names.DIRECTOR)
  @Operation(
      summary = "Live alerts (server-sent events)",
      description =
          "Events emergency.alert, emergency.taken, emergency.cancelled, emergency.unanswered;"
              + " data is JSON without patient data. Reconnect with Last-Event-ID to get every"
              + " alert missed meanwhile; without it, the last 15 minutes are replayed.")
  public void stream(
      @Context SseEventSink sink,
      @Context Sse sse,
      @HeaderParam("Last-Event-ID") String lastEventId) {
    Long after = parse(lastEventId);
    hub.open(
        caller.userId(),
        caller.sessionId(),
        after,
        sink,
        sse,
        alerts.since(caller.userId(), after, clock.instant().minus(RECENT)));
  }

  private static Long parse(String lastEventId) {
    if (lastEventId == null || !lastEventId.strip().matches("\\d{1,18}")) {
      return null;
    }
    return Long.parseLong(lastEventId.strip());
  }
}
