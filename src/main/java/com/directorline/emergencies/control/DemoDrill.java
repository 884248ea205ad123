package com.directorline.emergencies.control;

import com.directorline.emergencies.entity.Complication;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.LaunchRequest;
import com.directorline.emergencies.entity.Outcome;
import com.directorline.escalation.control.EscalationPolicies;
import com.directorline.identity.control.FirstStart;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Gives the demo clinic a drill from twelve days ago (launched by the injector, accepted by the
 * director in 38 seconds, ended after nine minutes), so its readiness checklist is complete and the
 * drill shows in the records as a real clinic's would. It runs after the demo policy exists.
 */
@ApplicationScoped
public class DemoDrill {

  static final Duration AGO = Duration.ofDays(12);

  @PersistenceContext EntityManager em;
  @Inject EscalationPolicies policies;
  @Inject Clock clock;

  void onSeeded(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 900) FirstStart.Seeded seeded) {
    var injector = seeded.userId("injector");
    var director = seeded.userId("director");
    if (!seeded.demo() || injector.isEmpty() || director.isEmpty()) {
      return;
    }
    var policy = policies.inForce(seeded.clinicId());
    if (policy.isEmpty()) {
      return;
    }
    Instant launched = clock.instant().minus(AGO).truncatedTo(ChronoUnit.MINUTES);
    Emergency drill =
        Emergency.launch(
            seeded.clinicId(),
            injector.get(),
            new LaunchRequest(
                Complication.VASCULAR_OCCLUSION,
                null,
                null,
                "Demo drill: blanching after filler in the nasolabial fold (no patient)",
                true),
            policies.resolve(seeded.clinicId(), policy.get().plan(), launched),
            null,
            launched);
    drill.accept(director.get(), launched.plusSeconds(38));
    drill.end(
        director.get(),
        Outcome.RESOLVED_ON_SITE,
        "Drill: the team followed the vascular occlusion protocol; the transfer plan was read out.",
        launched.plus(Duration.ofMinutes(9)));
    em.persist(drill);
    em.flush();
    drill.drainNewEvents().forEach(em::persist);
  }
}
