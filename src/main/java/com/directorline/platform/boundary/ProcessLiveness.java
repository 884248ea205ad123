package com.directorline.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Live while the application is deployed and answering; a dead database makes the instance unready,
 * not dead, so an orchestrator does not restart it in a loop.
 */
@Liveness
@ApplicationScoped
public class ProcessLiveness implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.up("application");
  }
}
