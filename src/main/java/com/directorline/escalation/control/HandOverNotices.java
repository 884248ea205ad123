package com.directorline.escalation.control;

import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.User;
import com.directorline.oncall.entity.HandedOver;
import com.directorline.platform.control.Workers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Logger;

/**
 * Tells the director who takes over a line that they now take the calls: by email, once the
 * override is stored, on a thread of its own so a slow mail server delays nobody's answer.
 */
@ApplicationScoped
public class HandOverNotices {

  private static final Logger LOG = Logger.getLogger(HandOverNotices.class.getName());

  @Inject AlertMail mail;
  @Inject Users users;
  @Inject Clinics clinics;
  @Inject Workers workers;

  private ScheduledExecutorService executor;

  @PostConstruct
  void start() {
    executor = workers.dedicated(1);
  }

  void onHandedOver(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandedOver handed) {
    executor.execute(() -> tell(handed));
  }

  private void tell(HandedOver handed) {
    User to = users.byId(handed.to()).orElse(null);
    String from = users.byId(handed.from()).map(User::displayName).orElse("A director");
    if (to == null || to.email() == null) {
      LOG.warning(() -> "hand-over to " + handed.to() + " not told: no email address");
      return;
    }
    ZoneId zone = clinics.byId(handed.clinicId()).map(Clinic::zone).orElse(ZoneId.of("UTC"));
    String until =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(Locale.US)
            .withZone(zone)
            .format(handed.until());
    Dispatcher.Result result =
        mail.send(
            to.email(),
            "DirectorLine: you are on call (" + handed.line().name().toLowerCase() + ") now",
            from
                + " handed the "
                + handed.line().name().toLowerCase()
                + " on-call line over to you until "
                + until
                + " ("
                + zone.getId()
                + "). Emergencies of the clinic alert you first on that line until then.\n\n"
                + "Keep the director console open and on call.");
    LOG.info(() -> "hand-over notice to " + handed.to() + ": " + result.outcome());
  }
}
