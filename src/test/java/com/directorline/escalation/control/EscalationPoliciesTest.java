package com.directorline.escalation.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.problems.entity.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Who may be named in a clinic's escalation policy. */
class EscalationPoliciesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  private final UUID clinic = UUID.randomUUID();
  private final UUID elsewhere = UUID.randomUUID();

  private User user(String name, Role role, UUID clinicId) {
    return User.enrol(name, name, null, null, "hash", Set.of(role), Set.of(clinicId), CLOCK);
  }

  @Test
  void onlyActiveDirectorsOfTheClinicAreNamedAndTheRestAreListedByPosition() {
    User dana = user("dana", Role.DIRECTOR, clinic);
    User gone = user("gone", Role.DIRECTOR, clinic);
    gone.deactivate();
    User nurse = user("nurse", Role.INJECTOR, clinic);
    User other = user("other", Role.DIRECTOR, elsewhere);
    UUID unknown = UUID.randomUUID();
    Map<UUID, User> known =
        Map.of(dana.id(), dana, gone.id(), gone, nurse.id(), nurse, other.id(), other);

    List<Violation> violations =
        EscalationPolicies.unqualifiedDirectors(
            clinic,
            List.of(
                new EscalationPlan.Step(List.of(dana.id(), gone.id()), 60),
                new EscalationPlan.Step(List.of(nurse.id(), other.id(), unknown), 30)),
            id -> Optional.ofNullable(known.get(id)));

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactly(
            "steps[0].directorIds[1]",
            "steps[1].directorIds[0]",
            "steps[1].directorIds[1]",
            "steps[1].directorIds[2]");
    assertThat(violations)
        .extracting(Violation::message)
        .containsOnly("is not an active director of this clinic");
  }

  @Test
  void aPolicyOfActiveDirectorsPasses() {
    User dana = user("dana", Role.DIRECTOR, clinic);

    assertThat(
            EscalationPolicies.unqualifiedDirectors(
                clinic,
                List.of(new EscalationPlan.Step(List.of(dana.id()), 60)),
                id -> id.equals(dana.id()) ? Optional.of(dana) : Optional.empty()))
        .isEmpty();
  }
}
