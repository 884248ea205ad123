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
 * How fast directors answer, per clinic: launch to accept, and launch to the director joining the
 * call. Drills carry {@code drill="true"} so they never mix with real emergencies.
 */
@ApplicationScoped
public class EmergencyMetrics {

  private static final Metadata TIME_TO_ACCEPT =
      Metadata.builder()
          .withName("emergency_time_to_accept")
          .withDescription("From launch to a director's accept")
          .withUnit(MetricUnits.MILLISECONDS)
          .build();
  private static final Metadata TIME_TO_CONNECT =
      Metadata.builder()
          .withName("emergency_time_to_connect")
          .withDescription("From launch to the accepting director joining the call")
          .withUnit(MetricUnits.MILLISECONDS)
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
    return new Tag[] {
      new Tag("clinic", emergency.clinicId().toString()),
      new Tag("drill", String.valueOf(emergency.isDrill()))
    };
  }
}
