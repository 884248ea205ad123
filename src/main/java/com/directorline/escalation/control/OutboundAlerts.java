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
      } else if (Alerts.FOLLOW_UP_DUE.equals(message.event())) {
        executor.execute(() -> followUpDue(message));
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

  /**
   * A follow-up reminder by email to the person told, and once to the clinic's webhook. Neither
   * carries the patient or the follow-up's words (staff may write a name there): the link opens
   * DirectorLine, where the person signs in to read it.
   */
  private void followUpDue(AlertMessage message) {
    JsonObject data;
    try (var reader = Json.createReader(new StringReader(message.data()))) {
      data = reader.readObject();
    }
    UUID clinicId = UUID.fromString(data.getString("clinicId"));
    Recipients recipients = self.recipients(message.directorId(), clinicId);
    boolean overdue = data.getBoolean("overdue", false);
    boolean drill = data.getBoolean("drill", false);
    String clinicName = data.getString("clinicName", "your clinic");
    String complication = data.getString("complication").replace('_', ' ').toLowerCase();
    String link = publicUrl.replaceAll("/+$", "") + "/?follow-up=" + data.getString("followUpId");
    recipients
        .director()
        .ifPresent(
            person -> {
              String to = person.email();
              dispatcher.dispatch(
                  message.seq(),
                  clinicId,
                  Delivery.Channel.EMAIL,
                  to == null ? "(no address)" : to,
                  () ->
                      to == null
                          ? Dispatcher.Result.skipped("the person has no email address")
                          : mail.send(
                              to,
                              (drill ? "[DRILL] " : "")
                                  + (overdue ? "Overdue follow-up at " : "Follow-up due at ")
                                  + clinicName,
                              person.displayName()
                                  + ",\n\na follow-up after the "
                                  + complication
                                  + " emergency at "
                                  + clinicName
                                  + (overdue ? " is overdue" : " is due")
                                  + " ("
                                  + data.getString("dueAt")
                                  + ").\n\nOpen DirectorLine to see what to do and record the"
                                  + " outcome:\n"
                                  + link
                                  + "\n"));
            });
    // The webhook is the clinic's, not the person's: once per reminder, from the assignee's copy.
    if (message.directorId().toString().equals(data.getString("assigneeId", ""))) {
      recipients
          .webhook()
          .ifPresent(
              webhook -> {
                String body =
                    Json.createObjectBuilder()
                        .add("type", message.event())
                        .add("deliveryId", "alert-" + message.seq())
                        .add("createdAt", message.createdAt().toString())
                        .add(
                            "followUp",
                            Json.createObjectBuilder()
                                .add("id", data.getString("followUpId"))
                                .add("dueAt", data.getString("dueAt"))
                                .add("overdue", overdue)
                                .add("link", link))
                        .add(
                            "emergency",
                            Json.createObjectBuilder()
                                .add("id", message.emergencyId().toString())
                                .add("complication", data.getString("complication"))
                                .add("drill", drill))
                        .add(
                            "clinic",
                            Json.createObjectBuilder()
                                .add("id", clinicId.toString())
                                .add("name", clinicName))
                        .build()
                        .toString();
                dispatcher.dispatch(
                    message.seq(),
                    clinicId,
                    Delivery.Channel.WEBHOOK,
                    webhook.url(),
                    () ->
                        webhookSender.post(
                            webhook.url(),
                            webhook.secret(),
                            "alert-" + message.seq(),
                            body,
                            clock));
              });
    }
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
