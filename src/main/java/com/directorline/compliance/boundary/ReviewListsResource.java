package com.directorline.compliance.boundary;

import com.directorline.audit.boundary.Audited;
import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.control.EmergencyRecords;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Person;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.platform.boundary.InstantParameter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The lists the officer picks from: people and emergencies of their clinics, by name, reference and
 * date, so nobody types an internal id into a search.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ReviewListsResource {

  /** Emergencies one list shows; a longer period is narrowed by its dates. */
  static final int MAX_EMERGENCIES = 500;

  @Inject Caller caller;
  @Inject Users users;
  @Inject Clinics clinics;
  @Inject EmergencyRecords emergencies;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  /** A person of the officer's clinics. */
  public record StaffMemberView(
      UUID id, String displayName, String username, boolean active, List<UUID> clinicIds) {}

  /**
   * An emergency for the picker, with no patient data: its short reference (the first eight
   * characters of its id, as the pages show it), clinic, complication, who launched and accepted.
   */
  public record EmergencyListing(
      UUID id,
      String reference,
      UUID clinicId,
      String clinicName,
      String complication,
      String status,
      boolean drill,
      Instant launchedAt,
      String injector,
      String director) {}

  @GET
  @Path("people")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.USER)
  @Transactional
  @Operation(
      summary = "The people of your clinics",
      description = "For the audit search's person filter: id, name, username, active, clinics.")
  public List<StaffMemberView> people() {
    Set<UUID> mine = caller.clinicIds();
    Map<UUID, User> people = new LinkedHashMap<>();
    for (UUID clinic : mine) {
      users.inClinic(clinic).forEach(u -> people.putIfAbsent(u.id(), u));
    }
    return people.values().stream()
        .sorted(
            Comparator.comparing((User u) -> u.displayName().toLowerCase(Locale.ROOT))
                .thenComparing(User::username))
        .map(
            u ->
                new StaffMemberView(
                    u.id(),
                    u.displayName(),
                    u.username(),
                    u.isActive(),
                    u.clinicIds().stream().filter(mine::contains).sorted().toList()))
        .toList();
  }

  @GET
  @Path("emergencies")
  @RolesAllowed(Role.Names.COMPLIANCE_OFFICER)
  @Audited(object = ObjectType.AUDIT_TRAIL)
  @Transactional
  @Operation(
      summary = "The emergencies of your clinics",
      description =
          "Launched in [from, to) (default: the last 30 days), newest first, at most 500; no"
              + " patient data. For the audit search's emergency filter.")
  public List<EmergencyListing> emergencies(
      @QueryParam("from") String from, @QueryParam("to") String to) {
    InstantParameter.Period period =
        InstantParameter.endingNow(from, to, Duration.ofDays(30), clock);
    Instant start = period.from();
    Instant end = period.to();
    Set<UUID> mine = caller.clinicIds();
    List<EmergencyRecords.Listed> listed = emergencies.launched(mine, start, end, MAX_EMERGENCIES);
    Set<UUID> names = new HashSet<>();
    listed.forEach(
        e -> {
          names.add(e.launchedBy());
          if (e.acceptedBy() != null) {
            names.add(e.acceptedBy());
          }
        });
    Map<UUID, Person> people = users.people(names);
    Map<UUID, String> clinicNames =
        clinics.byIds(mine).stream().collect(Collectors.toMap(Clinic::id, Clinic::name));
    trail.record(
        AuditEvent.of(AuditAction.READ, ObjectType.AUDIT_TRAIL, null)
            .purpose(Purpose.OPERATIONS)
            .detail("emergency list from=" + start + " to=" + end + " found=" + listed.size()));
    Function<UUID, String> name =
        id -> id == null || !people.containsKey(id) ? null : people.get(id).displayName();
    return listed.stream()
        .map(
            e ->
                new EmergencyListing(
                    e.id(),
                    e.id().toString().substring(0, 8).toUpperCase(Locale.ROOT),
                    e.clinicId(),
                    clinicNames.get(e.clinicId()),
                    e.complication(),
                    e.status(),
                    e.drill(),
                    e.launchedAt(),
                    name.apply(e.launchedBy()),
                    name.apply(e.acceptedBy())))
        .toList();
  }
}
