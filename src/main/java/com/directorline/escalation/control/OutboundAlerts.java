package com.directorline.escalation.control;

import com.directorline.escalation.entity.AlertMessage;
import com.directorline.escalation.entity.Delivery;
import com.directorline.escalation.entity.Webhook;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Contact;
import com.directorline.platform.control.Workers;
import com.directorline.schema.control.SchemaMigrated;
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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends each committed {@code emergency.alert} by email to the director and to the clinic's
 * webhook. Bodies carry the clinic, the complication and a link, never the patient reference or the
 * note.
 */
@ApplicationScoped
public class OutboundAlerts {

  private static final Logger LOG = Logger.getLogger(OutboundAlerts.class.getName());

  @Inject Workers workers;
  @Inject Dispatcher dispatcher;
  @Inject AlertMail mail;
  @Inject WebhookSender webhookSender;
  @Inject Deliveries deliveries;
  @Inject Users users;
  @Inject Clock clock;
  @Inject OutboundAlerts self;
  @Inject Outbox outbox;
  @Inject Alerts alerts;

  @Inject
  @ConfigProperty(name = "directorline.alerts.outbox-poll-millis", defaultValue = "500")
  long pollMillis;

  @Inject
  @ConfigProperty(name = "directorline.public-url", defaultValue = "http://localhost:8080")
  String publicUrl;

  /** The people alerted and their clinics' webhooks, read in one transaction. */
  public record Recipients(Map<UUID, Contact> people, Map<UUID, Webhook> webhooks) {}

  private ExecutorService executor;

  @PostConstruct
  void start() {
    executor = workers.dedicated(2);
  }

  /**
   * Makes the deliveries that fell due: retries, and first attempts that the instance which wrote
   * them did not make (it died). Periodic, so nobody's request: on a timer thread.
   */
  void startRetrying(@Observes SchemaMigrated migrated) {
    workers
        .timers(1)
        .scheduleWithFixedDelay(this::retryDue, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  void retryDue() {
    try {
      dispatcher.renewLongRunning();
      List<Outbox.Claimed> claimed = outbox.claimDue(50);
      if (!claimed.isEmpty()) {
        retry(claimed);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "owed deliveries not made; trying again: {0}", e.getClass().getName());
    }
  }

  /** The claimed deliveries' jobs, built from their alerts as the first attempts were. */
  private void retry(List<Outbox.Claimed> claimed) {
    Map<Long, AlertMessage> messages = new HashMap<>();
    alerts
        .bySeq(claimed.stream().map(Outbox.Claimed::alertSeq).distinct().toList())
        .forEach(m -> messages.put(m.seq(), m));
    List<Dispatcher.Job> all = jobs(List.copyOf(messages.values()));
    List<Dispatcher.Job> jobs = new ArrayList<>();
    for (Outbox.Claimed owed : claimed) {
      // A channel with no target now (the webhook removed) has nothing left to make.
      all.stream()
          .filter(job -> job.alertSeq() == owed.alertSeq() && owed.covers(job.channel()))
          .map(job -> job.numbered(owed.attempt()))
          .forEach(jobs::add);
    }
    dispatcher.dispatch(
        jobs, new Dispatcher.Owed(List.of(), claimed.stream().map(Outbox.Claimed::id).toList()));
  }

  /**
   * The alerts and follow-up reminders of one transaction go out together: their recipients read at
   * once, their deliveries tried at once and their first attempts recorded in one transaction.
   */
  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) Alerts.Committed committed) {
    List<AlertMessage> outbound =
        committed.messages().stream().filter(m -> Alerts.outbound(m.event())).toList();
    if (!outbound.isEmpty()) {
      executor.execute(
          () ->
              dispatcher.dispatch(
                  jobs(outbound),
                  new Dispatcher.Owed(
                      outbound.stream().map(AlertMessage::seq).toList(), List.of())));
    }
  }

  @Transactional
  public Recipients recipients(Collection<UUID> people, Collection<UUID> clinics) {
    return new Recipients(users.contacts(people), deliveries.webhooks(clinics));
  }

  /** Every delivery of these alerts, as first attempts. */
  private List<Dispatcher.Job> jobs(List<AlertMessage> messages) {
    if (messages.isEmpty()) {
      return List.of();
    }
    List<JsonObject> data = messages.stream().map(OutboundAlerts::data).toList();
    Recipients recipients =
        self.recipients(
            messages.stream().map(AlertMessage::directorId).toList(),
            data.stream().map(d -> UUID.fromString(d.getString("clinicId"))).toList());
    List<Dispatcher.Job> jobs = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      AlertMessage message = messages.get(i);
      if (Alerts.ALERT.equals(message.event())) {
        alert(message, data.get(i), recipients, jobs);
      } else {
        followUpDue(message, data.get(i), recipients, jobs);
      }
    }
    return jobs;
  }

  private static JsonObject data(AlertMessage message) {
    try (var reader = Json.createReader(new StringReader(message.data()))) {
      return reader.readObject();
    }
  }

  /** An emergency's alert: email to the director, and the clinic's webhook. */
  private void alert(
      AlertMessage message, JsonObject data, Recipients recipients, List<Dispatcher.Job> jobs) {
    UUID clinicId = UUID.fromString(data.getString("clinicId"));
    Optional<Contact> director = Optional.ofNullable(recipients.people().get(message.directorId()));
    String link = publicUrl.replaceAll("/+$", "") + "/?emergency=" + message.emergencyId();
    boolean drill = data.getBoolean("drill", false);
    String complication = data.getString("complication").replace('_', ' ').toLowerCase();
    String clinicName = data.getString("clinicName", "your clinic");
    director.ifPresent(
        person ->
            jobs.add(
                email(
                    message,
                    clinicId,
                    person,
                    "the director has no email address",
                    (drill ? "[DRILL] " : "") + "Emergency at " + clinicName + ": " + complication,
                    mailBody(person, clinicName, complication, drill, link))));
    Webhook webhook = recipients.webhooks().get(clinicId);
    if (webhook != null) {
      jobs.add(webhook(message, clinicId, webhook, webhookBody(message, data, director, link)));
    }
  }

  /**
   * A follow-up reminder by email to the person told, and once to the clinic's webhook. Neither
   * carries the patient or the follow-up's words (staff may write a name there): the link opens
   * DirectorLine, where the person signs in to read it.
   */
  private void followUpDue(
      AlertMessage message, JsonObject data, Recipients recipients, List<Dispatcher.Job> jobs) {
    UUID clinicId = UUID.fromString(data.getString("clinicId"));
    boolean overdue = data.getBoolean("overdue", false);
    boolean drill = data.getBoolean("drill", false);
    String clinicName = data.getString("clinicName", "your clinic");
    String complication = data.getString("complication").replace('_', ' ').toLowerCase();
    String link = publicUrl.replaceAll("/+$", "") + "/?follow-up=" + data.getString("followUpId");
    Contact person = recipients.people().get(message.directorId());
    if (person != null) {
      jobs.add(
          email(
              message,
              clinicId,
              person,
              "the person has no email address",
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
    }
    // The webhook is the clinic's, not the person's: once per reminder, from the assignee's copy.
    Webhook webhook = recipients.webhooks().get(clinicId);
    if (webhook != null
        && message.directorId().toString().equals(data.getString("assigneeId", ""))) {
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
                  Json.createObjectBuilder().add("id", clinicId.toString()).add("name", clinicName))
              .build()
              .toString();
      jobs.add(webhook(message, clinicId, webhook, body));
    }
  }

  private Dispatcher.Job email(
      AlertMessage message,
      UUID clinicId,
      Contact person,
      String withoutAddress,
      String subject,
      String body) {
    String to = person.email();
    return new Dispatcher.Job(
        message.seq(),
        clinicId,
        Delivery.Channel.EMAIL,
        to == null ? "(no address)" : to,
        1,
        () ->
            to == null ? Dispatcher.Result.skipped(withoutAddress) : mail.send(to, subject, body));
  }

  private Dispatcher.Job webhook(
      AlertMessage message, UUID clinicId, Webhook webhook, String body) {
    return new Dispatcher.Job(
        message.seq(),
        clinicId,
        Delivery.Channel.WEBHOOK,
        webhook.url(),
        1,
        () ->
            webhookSender.post(
                webhook.url(), webhook.secret(), "alert-" + message.seq(), body, clock));
  }

  private static String mailBody(
      Contact director, String clinicName, String complication, boolean drill, String link) {
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
      AlertMessage message, JsonObject data, Optional<Contact> director, String link) {
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
