package com.directorline.escalation.control;

import com.directorline.escalation.entity.AlertMessage;
import com.directorline.escalation.entity.Delivery;
import com.directorline.escalation.entity.Webhook;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.User;
import com.directorline.platform.control.Workers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends each committed {@code emergency.alert} by email to the director and to the clinic's
 * webhook. Bodies carry the clinic, the complication and a link, never the patient reference or the
 * note.
 */
@ApplicationScoped
public class OutboundAlerts {

  @Inject Workers workers;
  @Inject Dispatcher dispatcher;
  @Inject AlertMail mail;
  @Inject WebhookSender webhookSender;
  @Inject Deliveries deliveries;
  @Inject Users users;
  @Inject Clock clock;
  @Inject OutboundAlerts self;

  @Inject
  @ConfigProperty(name = "directorline.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** The director and the clinic's webhook, read in one transaction. */
  public record Recipients(Optional<User> director, Optional<Webhook> webhook) {}

  private ExecutorService executor;

  @PostConstruct
  void start() {
    executor = workers.dedicated(2);
  }

  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Alerts.Committed committed) {
    for (AlertMessage message : committed.messages()) {
      if (Alerts.ALERT.equals(message.event())) {
        executor.execute(() -> fanOut(message));
      }
    }
  }

  @Transactional
  public Recipients recipients(UUID directorId, UUID clinicId) {
    return new Recipients(users.byId(directorId), deliveries.webhook(clinicId));
  }

  private void fanOut(AlertMessage message) {
    JsonObject data;
    try (var reader = Json.createReader(new StringReader(message.data()))) {
      data = reader.readObject();
    }
    UUID clinicId = UUID.fromString(data.getString("clinicId"));
    Recipients recipients = self.recipients(message.directorId(), clinicId);
    String link = publicUrl.replaceAll("/+$", "") + "/?emergency=" + message.emergencyId();
    boolean drill = data.getBoolean("drill", false);
    String complication = data.getString("complication").replace('_', ' ').toLowerCase();
    String clinicName = data.getString("clinicName", "your clinic");

    recipients
        .director()
        .ifPresent(
            director -> {
              String to = director.email();
              dispatcher.dispatch(
                  message.seq(),
                  clinicId,
                  Delivery.Channel.EMAIL,
                  to == null ? "(no address)" : to,
                  () ->
                      to == null
                          ? Dispatcher.Result.skipped("the director has no email address")
                          : mail.send(
                              to,
                              (drill ? "[DRILL] " : "")
                                  + "Emergency at "
                                  + clinicName
                                  + ": "
                                  + complication,
                              mailBody(director, clinicName, complication, drill, link)));
            });

    recipients
        .webhook()
        .ifPresent(
            webhook -> {
              String body = webhookBody(message, data, recipients.director(), link);
              dispatcher.dispatch(
                  message.seq(),
                  clinicId,
                  Delivery.Channel.WEBHOOK,
                  webhook.url(),
                  () ->
                      webhookSender.post(
                          webhook.url(), webhook.secret(), "alert-" + message.seq(), body, clock));
            });
  }

  private static String mailBody(
      User director, String clinicName, String complication, boolean drill, String link) {
    return (drill ? "This is a DRILL.\n\n" : "")
        + director.displayName()
        + ",\n\nan injector at "
        + clinicName
        + " needs you now: possible "
        + complication
        + ".\n\nOpen DirectorLine to accept and join the call:\n"
        + link
        + "\n\nIf you cannot take it, decline so the next director is alerted at once.\n";
  }

  private static String webhookBody(
      AlertMessage message, JsonObject data, Optional<User> director, String link) {
    var who = Json.createObjectBuilder().add("id", message.directorId().toString());
    director.ifPresent(
        d -> {
          who.add("displayName", d.displayName());
          if (d.phone() != null) {
            who.add("phone", d.phone());
          }
          if (d.email() != null) {
            who.add("email", d.email());
          }
        });
    return Json.createObjectBuilder()
        .add("type", message.event())
        .add("deliveryId", "alert-" + message.seq())
        .add("createdAt", message.createdAt().toString())
        .add(
            "emergency",
            Json.createObjectBuilder()
                .add("id", message.emergencyId().toString())
                .add("complication", data.getString("complication"))
                .add("drill", data.getBoolean("drill", false))
                .add("step", data.getInt("step"))
                .add("launchedAt", data.getString("launchedAt"))
                .add("link", link))
        .add(
            "clinic",
            Json.createObjectBuilder()
                .add("id", data.getString("clinicId"))
                .add("name", data.getString("clinicName", "")))
        .add("director", who)
        .build()
        .toString();
  }
}
