package com.directorline.escalation.control;

import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.oncall.control.Rosters;
import com.directorline.platform.control.Workers;
import com.directorline.schema.control.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks every clinic's roster for the next 7 days, and warns its admins by email of the gaps
 * (nobody on the primary line, a disabled director on call) at most once a day per clinic. The
 * clinic's page shows the same gaps at any time ({@code GET /api/clinics/{id}/on-call/gaps}).
 */
@ApplicationScoped
public class CoverageWarnings {

  private static final Logger LOG = Logger.getLogger(CoverageWarnings.class.getName());
  static final Duration AHEAD = Duration.ofDays(7);

  @Inject Rosters rosters;
  @Inject Clinics clinics;
  @Inject Users users;
  @Inject AlertMail mail;
  @Inject Workers workers;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.oncall.coverage-check-seconds", defaultValue = "900")
  int everySeconds;

  void start(@Observes SchemaMigrated migrated) {
    workers
        .dedicated(1)
        .scheduleWithFixedDelay(this::check, everySeconds, everySeconds, TimeUnit.SECONDS);
  }

  void check() {
    try {
      Instant now = clock.instant();
      // A clinic warned today is not checked again until its next day: a round costs little
      // however many clinics there are.
      Map<UUID, LocalDate> warned = rosters.warnedDays();
      for (Clinic clinic : clinics.all()) {
        if (clinic.dayAt(now).equals(warned.get(clinic.id()))) {
          continue;
        }
        try {
          List<Rosters.Gap> gaps = rosters.gapsOf(clinic.id(), now, now.plus(AHEAD));
          if (!gaps.isEmpty() && rosters.claimWarning(clinic.id(), clinic.dayAt(now))) {
            warn(clinic, gaps);
          }
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING,
              "coverage check of clinic " + clinic.id() + " failed; next round retries",
              e.getClass().getName());
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "coverage check failed; next round retries", e.getClass().getName());
    }
  }

  private void warn(Clinic clinic, List<Rosters.Gap> gaps) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.US)
            .withZone(clinic.zone());
    StringBuilder body =
        new StringBuilder("In the next 7 days the on-call roster of ")
            .append(clinic.name())
            .append(" does not cover these times (")
            .append(clinic.zone().getId())
            .append("):\n\n");
    for (Rosters.Gap gap : gaps) {
      body.append("- ")
          .append(gap.line().name().toLowerCase(Locale.ROOT))
          .append(" line, ")
          .append(format.format(gap.from()))
          .append(" to ")
          .append(format.format(gap.to()))
          .append(": ")
          .append(gap.why())
          .append('\n');
    }
    body.append(
        "\nAn emergency launched then alerts the policy's other steps, or every director at once."
            + " Set the rotation or an override on the clinic's administration page.");
    for (User admin : users.acting(clinic.id(), Role.ADMIN)) {
      if (admin.email() != null) {
        Dispatcher.Result sent =
            mail.send(
                admin.email(),
                "DirectorLine: on-call gaps at " + clinic.name() + " in the next 7 days",
                body.toString());
        LOG.info(
            () ->
                "coverage warning for clinic "
                    + clinic.id()
                    + " to "
                    + admin.id()
                    + ": "
                    + sent.outcome());
      }
    }
  }
}
