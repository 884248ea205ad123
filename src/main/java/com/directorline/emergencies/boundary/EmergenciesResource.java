package com.directorline.emergencies.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.control.EmergencyViews;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EmergencyDetails;
import com.directorline.emergencies.entity.EmergencyProgress;
import com.directorline.emergencies.entity.EmergencyView;
import com.directorline.emergencies.entity.LaunchRequest;
import com.directorline.emergencies.entity.TimelineView;
import com.directorline.identity.entity.Role;
import com.directorline.platform.boundary.JsonBodyReader;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.video.entity.VideoGrant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Emergencies: the injector launches, directors answer, both run the call and end it. */
@Path("emergencies")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EmergenciesResource {

  private static final String REQUIRED = "a JSON object is required";

  @Inject Emergencies emergencies;
  @Inject EmergencyViews views;
  @Context UriInfo uri;

  @POST
  @RolesAllowed(Role.Names.INJECTOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Launch an emergency",
      description =
          "Alerts the first step of the clinic's escalation policy at once. A repeated"
              + " Idempotency-Key returns the emergency launched with it. clinicId is needed only"
              + " when the injector belongs to several clinics.")
  @Audited(action = AuditAction.CREATE)
  public Response launch(
      @Valid @NotNull(message = REQUIRED) LaunchRequest body,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @QueryParam("clinicId") UUID clinicId) {
    String key = idempotencyKey(idempotencyKey);
    Emergency emergency;
    try {
      emergency = emergencies.launch(body, clinicId, key);
    } catch (RuntimeException failed) {
      // A double tap racing the first launch loses on the unique key: answer the first one.
      Optional<Emergency> earlier = key == null ? Optional.empty() : emergencies.replay(key);
      emergency = earlier.orElseThrow(() -> failed);
    }
    return Response.created(
            uri.getBaseUriBuilder().path("emergencies").path(emergency.id().toString()).build())
        .entity(views.view(emergency))
        .build();
  }

  private static String idempotencyKey(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (!header.matches("[\\x21-\\x7E]{1,100}")) {
      throw InvalidInput.of("Idempotency-Key", "must be 1 to 100 visible ASCII characters");
    }
    return header;
  }

  @GET
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  // The read, its audit event and the view's people and consent in one transaction: one
  // connection and one commit, not a connection for each of the view's reads after the commit.
  @Transactional
  @Operation(
      summary = "Emergencies you may see",
      description =
          "Injectors see their own launches, directors their clinics'. status=open (default)"
              + " or all; drill=true lists practice emergencies, which are kept apart.")
  @Audited
  public List<EmergencyView> list(
      @QueryParam("status") String status, @QueryParam("drill") boolean drill) {
    boolean openOnly = status == null || status.equalsIgnoreCase("open");
    if (!openOnly && !status.equalsIgnoreCase("all")) {
      throw InvalidInput.of("status", "must be open or all");
    }
    return views.views(emergencies.list(openOnly, drill));
  }

  @GET
  @Path("{id}")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Transactional
  @Operation(summary = "One emergency", description = "Participants and the clinic's directors.")
  @Audited
  public EmergencyView get(@PathParam("id") UUID id) {
    return views.view(emergencies.read(id));
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed(Role.Names.INJECTOR)
  @Consumes({MediaType.APPLICATION_JSON, JsonBodyReader.MERGE_PATCH})
  @Operation(
      summary = "Add the patient's details",
      description =
          "The launching injector adds what was not typed at launch, at any time: patientRef"
              + " (once: 409 patient-reference-set after that), patientInitials and note (an empty"
              + " note removes it). Absent fields stay as they are. Consent, the consent exception"
              + " and photos wait for the patient reference (409 patient-reference-needed). The"
              + " audit events recorded before it are found under the patient afterwards.")
  @Audited(action = AuditAction.UPDATE)
  public EmergencyView addDetails(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) EmergencyDetails body) {
    return views.view(emergencies.addDetails(id, body));
  }

  @GET
  @Path("{id}/progress")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Operation(
      summary = "Where the emergency stands, without patient data",
      description =
          "For pages that follow an emergency live (participants and the clinic's directors):"
              + " status, escalation, who accepted, the transfer plan, and timelineEntries, which"
              + " grows with every timeline entry. It names no patient, so it is not an audited"
              + " access; fetch the emergency, timeline or photos when it changes.")
  // A success names no patient and is not recorded; a refused attempt is, like any other.
  @Audited
  public EmergencyProgress progress(@PathParam("id") UUID id) {
    return views.progress(emergencies.forViewing(id));
  }

  @POST
  @Path("{id}/accept")
  @RolesAllowed(Role.Names.DIRECTOR)
  @Operation(
      summary = "Accept",
      description = "First accept wins; a later one answers 409 naming who took it.")
  @Audited(action = AuditAction.UPDATE)
  public EmergencyView accept(@PathParam("id") UUID id) {
    return views.view(emergencies.accept(id));
  }

  @POST
  @Path("{id}/decline")
  @RolesAllowed(Role.Names.DIRECTOR)
  @Operation(summary = "Decline", description = "The next escalation step is alerted at once.")
  @Audited(action = AuditAction.UPDATE)
  public EmergencyView decline(@PathParam("id") UUID id) {
    return views.view(emergencies.decline(id));
  }

  @POST
  @Path("{id}/cancel")
  @RolesAllowed(Role.Names.INJECTOR)
  @Operation(summary = "Cancel", description = "The launching injector, before anyone accepts.")
  @Audited(action = AuditAction.UPDATE)
  public EmergencyView cancel(@PathParam("id") UUID id) {
    return views.view(emergencies.cancel(id));
  }

  @POST
  @Path("{id}/end")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "End with the outcome", description = "Participants only.")
  @Audited(action = AuditAction.UPDATE)
  public EmergencyView end(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) EndRequest body) {
    return views.view(emergencies.end(id, body.outcome(), body.summary()));
  }

  @POST
  @Path("{id}/notes")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Write a note in the timeline",
      description =
          "Participants, once a director has accepted and after the end: the guidance given,"
              + " reassessments, what was done. Appears in the timeline as NOTE with its author.")
  @Audited(action = AuditAction.UPDATE)
  public Response note(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) NoteRequest body) {
    emergencies.addNote(id, body.text());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/participant-events")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Report joining or leaving the call",
      description = "From the Jitsi IFrame events; the director joining connects the emergency.")
  @Audited(action = AuditAction.UPDATE)
  public EmergencyView participantEvent(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) ParticipantEvent body) {
    return views.view(
        body.type() == ParticipantEvent.Type.JOINED
            ? emergencies.participantJoined(id)
            : emergencies.participantLeft(id));
  }

  @POST
  @Path("{id}/consent-exception")
  @RolesAllowed(Role.Names.INJECTOR)
  @Consumes(MediaType.APPLICATION_JSON)
  @Audited(action = AuditAction.CREATE, object = ObjectType.CONSENT_EXCEPTION, inEmergency = true)
  @Operation(
      summary = "Declare the emergency exception to consent",
      description =
          "The launching injector, while the emergency is open, when the patient cannot consent:"
              + " covers this emergency's consult and photos, is flagged for review, and opens a"
              + " follow-up task to inform the patient and obtain consent.")
  public EmergencyView consentException(
      @PathParam("id") UUID id, @Valid @NotNull(message = REQUIRED) ExceptionRequest body) {
    return views.view(emergencies.declareConsentException(id, body.reason()));
  }

  @GET
  @Path("{id}/timeline")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Operation(summary = "The timeline", description = "In order, with actor and time.")
  @Audited(object = ObjectType.TIMELINE, inEmergency = true)
  public List<TimelineView> timeline(@PathParam("id") UUID id) {
    return views.timeline(emergencies.readTimeline(id));
  }

  @POST
  @Path("{id}/video-grant")
  @RolesAllowed({Role.Names.INJECTOR, Role.Names.DIRECTOR})
  @Operation(
      summary = "A token to join the call",
      description =
          "The launching injector and the accepting director, while ACCEPTED or CONNECTED. The"
              + " director is the room's moderator.")
  @Audited(action = AuditAction.CREATE, object = ObjectType.VIDEO_GRANT, inEmergency = true)
  public VideoGrant videoGrant(@PathParam("id") UUID id) {
    return emergencies.grantCall(id);
  }
}
