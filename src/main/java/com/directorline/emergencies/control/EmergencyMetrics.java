package com.directorline.emergencies.control;

import com.directorline.emergencies.entity.Emergency;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * How fast directors answer: launch to accept, and launch to the director joining the call, in
 * milliseconds. Drills carry {@code drill="true"} so they never mix with real emergencies.
 *
 * <p>No clinic is named: {@code /metrics} is served by Payara outside the application's
 * authentication, and a clinic's identifier and launch counts are not for the public. The unit is
 * in the name and declared as none, because Payara's exporter scaled the mean of a millisecond
 * histogram to seconds but left its quantiles in milliseconds (198.0 beside a mean of 0.198).
 */
@ApplicationScoped
public class EmergencyMetrics {

  private static final Metadata TIME_TO_ACCEPT =
      Metadata.builder()
          .withName("emergency_time_to_accept_ms")
          .withDescription("From launch to a director's accept, in milliseconds")
          .withUnit(MetricUnits.NONE)
          .build();
  private static final Metadata TIME_TO_CONNECT =
      Metadata.builder()
          .withName("emergency_time_to_connect_ms")
          .withDescription(
              "From launch to the accepting director joining the call, in milliseconds")
          .withUnit(MetricUnits.NONE)
          .build();

  @Inject MetricRegistry registry;

  void launched(Emergency emergency) {
    registry.counter("emergencies_launched", tags(emergency)).inc();
  }

  void accepted(Emergency emergency) {
    registry
        .histogram(TIME_TO_ACCEPT, tags(emergency))
        .update(Duration.between(emergency.launchedAt(), emergency.acceptedAt()).toMillis());
  }

  void connected(Emergency emergency) {
    registry
        .histogram(TIME_TO_CONNECT, tags(emergency))
        .update(Duration.between(emergency.launchedAt(), emergency.connectedAt()).toMillis());
  }

  private static Tag[] tags(Emergency emergency) {
    return new Tag[] {new Tag("drill", String.valueOf(emergency.isDrill()))};
  }
}
