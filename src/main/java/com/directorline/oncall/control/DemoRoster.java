package com.directorline.oncall.control;

import com.directorline.identity.control.FirstStart;
import com.directorline.oncall.entity.Rotation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Gives the demo clinic a roster: director on the primary line and director2 as backup this week,
 * the other way round the next, handing over at 08:00. Seeding has no caller, so the rotation is
 * stored directly, as {@code Rosters.define} would after its checks.
 */
@ApplicationScoped
public class DemoRoster {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  void onSeeded(@Observes FirstStart.Seeded seeded) {
    var director = seeded.userId("director");
    var second = seeded.userId("director2");
    if (!seeded.demo() || director.isEmpty() || second.isEmpty()) {
      return;
    }
    Rotation rotation = new Rotation(seeded.clinicId());
    ZoneId zone = ZoneId.of("UTC"); // the demo clinic's, as every new clinic's
    rotation.define(
        zone,
        LocalTime.of(8, 0),
        7,
        clock.instant().atZone(zone).toLocalDate().minusDays(1),
        List.of(director.get(), second.get()),
        List.of(second.get(), director.get()),
        clock.instant());
    em.persist(rotation);
  }
}
