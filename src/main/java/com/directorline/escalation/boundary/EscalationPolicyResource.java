package com.directorline.escalation.boundary;

import com.directorline.escalation.control.EscalationPolicies;
import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.escalation.entity.EscalationPolicy;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Person;
import com.directorline.identity.entity.Role;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import com.directorline.problems.entity.Violation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A clinic's escalation policy: read by its directors, changed by its admins. */
@Path("clinics/{id}/escalation-policy")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EscalationPolicyResource {

  @Inject EscalationPolicies policies;
  @Inject Caller caller;
  @Inject Users users;

  @GET
  @RolesAllowed({Role.Names.ADMIN, Role.Names.DIRECTOR})
  @Operation(summary = "The escalation policy in force", description = "404 before one is defined.")
  public PolicyView get(@PathParam("id") UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    return policies
        .inForce(clinicId)
        .map(this::view)
        .orElseThrow(() -> new NotFound("escalation policy"));
  }

  @PUT
  @RolesAllowed(Role.Names.ADMIN)
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Define the escalation policy",
      description =
          "Stores a new version; emergencies already launched keep the version they started with.")
  public PolicyView define(
      @PathParam("id") UUID clinicId,
      @Valid @NotNull(message = "a JSON object is required") PolicyDefinition body) {
    caller.requireMemberOf(clinicId, "clinic");
    EscalationPolicy policy =
        policies.define(
            clinicId,
            steps(body.steps()),
            body.repeat() == null ? 0 : body.repeat(),
            body.transferPlan(),
            caller.userId());
    return view(policy);
  }

  /** Each step names directors or a roster line: exactly one of them. */
  private static List<EscalationPlan.Step> steps(List<PolicyDefinition.StepDefinition> steps) {
    List<Violation> violations = new ArrayList<>();
    List<EscalationPlan.Step> plan = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      PolicyDefinition.StepDefinition s = steps.get(i);
      boolean people = s.directorIds() != null && !s.directorIds().isEmpty();
      if (people == (s.onCall() != null)) {
        violations.add(
            new Violation(
                "steps[" + i + "]",
                people
                    ? "names directorIds and onCall; keep one of them"
                    : "must name directorIds or onCall"));
        continue;
      }
      plan.add(new EscalationPlan.Step(s.directorIds(), s.onCall(), s.timeoutSeconds()));
    }
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    return plan;
  }

  private PolicyView view(EscalationPolicy policy) {
    EscalationPlan plan = policy.plan();
    Map<UUID, Person> people =
        users.people(plan.steps().stream().flatMap(step -> step.directorIds().stream()).toList());
    return new PolicyView(
        policy.clinicId(),
        plan.version(),
        plan.steps().stream()
            .map(
                step ->
                    new PolicyView.StepView(
                        step.directorIds().stream()
                            .map(
                                id ->
                                    new PolicyView.DirectorView(
                                        id,
                                        Optional.ofNullable(people.get(id))
                                            .map(Person::displayName)
                                            .orElse(null)))
                            .toList(),
                        step.directorIds(),
                        step.onCall(),
                        step.timeoutSeconds()))
            .toList(),
        plan.repeat(),
        plan.transferPlan(),
        policy.createdAt(),
        policy.createdBy());
  }
}
