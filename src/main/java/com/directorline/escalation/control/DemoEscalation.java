package com.directorline.escalation.control;

import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.identity.control.FirstStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

/** Gives the demo clinic its escalation policy: director first, then director2, 60 s each. */
@ApplicationScoped
public class DemoEscalation {

  /** Lines with phone numbers: the injector's page shows each number as a tap-to-call link. */
  static final String TRANSFER_PLAN =
      "Call 911 now if the patient has visual symptoms, chest pain, trouble breathing or"
          + " fainting, or if no director has answered.\n"
          + "Nearest emergency department: Demo General Hospital ED, 1200 Main Street"
          + " (4 minutes): +1 555 0199\n"
          + "Tell the paramedics the product, lot, volume, site and time of the injection, and"
          + " send this timeline with the patient.";

  @Inject EscalationPolicies policies;

  void onSeeded(@Observes FirstStart.Seeded seeded) {
    if (!seeded.demo()) {
      return;
    }
    var director = seeded.userId("director");
    var second = seeded.userId("director2");
    if (director.isEmpty() || second.isEmpty()) {
      return;
    }
    policies.define(
        seeded.clinicId(),
        List.of(
            new EscalationPlan.Step(List.of(director.get()), 60),
            new EscalationPlan.Step(List.of(second.get()), 60)),
        0,
        TRANSFER_PLAN,
        null);
  }
}
