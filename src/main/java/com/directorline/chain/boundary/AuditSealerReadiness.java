package com.directorline.chain.boundary;

import com.directorline.chain.control.AuditSealing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Says in the readiness report how the audit sealer fares: when it last sealed and, while it fails,
 * since when. It stays UP: the instance still records every access (the events wait, committed, for
 * the sealer), and taking it out of service would stop emergencies, which matters more than a
 * delayed seal. Monitoring alerts on {@code failingSince}; verification reports it too.
 */
@Readiness
@ApplicationScoped
public class AuditSealerReadiness implements HealthCheck {

  @Inject AuditSealing sealing;

  @Override
  public HealthCheckResponse call() {
    AuditSealing.State state = sealing.state();
    HealthCheckResponseBuilder response = HealthCheckResponse.named("audit-sealer").up();
    response.withData("lastSealed", String.valueOf(state.lastSealed()));
    response.withData("failing", state.failingSince() != null);
    if (state.failingSince() != null) {
      response.withData("failingSince", state.failingSince().toString());
    }
    return response.build();
  }
}
