package com.directorline.escalation.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.escalation.entity.Delivery;
import com.directorline.escalation.entity.Webhook;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Webhook settings and the record of every delivery attempt ({@link Outbox} writes it). */
@ApplicationScoped
public class Deliveries {

  @PersistenceContext EntityManager em;
  @Inject WebhookTargets targets;
  @Inject WebhookSender sender;
  @Inject AuditTrail trail;
  @Inject Clock clock;

  @Transactional
  public List<Delivery> recent(UUID clinicId, int limit) {
    return em.createQuery(
            "select d from Delivery d where d.clinicId = :clinic order by d.attemptedAt desc",
            Delivery.class)
        .setParameter("clinic", clinicId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** The webhooks of these clinics, by clinic, in one query. */
  @Transactional
  public Map<UUID, Webhook> webhooks(Collection<UUID> clinicIds) {
    Set<UUID> distinct = new HashSet<>(clinicIds);
    if (distinct.isEmpty()) {
      return Map.of();
    }
    Map<UUID, Webhook> byClinic = new HashMap<>();
    em.createQuery("select w from Webhook w where w.clinicId in :clinics", Webhook.class)
        .setParameter("clinics", distinct)
        .getResultList()
        .forEach(webhook -> byClinic.put(webhook.clinicId(), webhook));
    return byClinic;
  }

  @Transactional
  public Optional<Webhook> webhook(UUID clinicId) {
    return Optional.ofNullable(em.find(Webhook.class, clinicId));
  }

  @Transactional
  public Webhook configureWebhook(UUID clinicId, String url, String secret, UUID by) {
    targets.requireAllowed(url);
    Webhook webhook = em.find(Webhook.class, clinicId);
    boolean isNew = webhook == null;
    if (isNew) {
      webhook = Webhook.configure(clinicId, url, secret, by, clock.instant());
      em.persist(webhook);
    } else {
      webhook.change(url, secret, by, clock.instant());
    }
    record(
        isNew ? AuditAction.CREATE : AuditAction.UPDATE, clinicId, "alerts go to " + hostOf(url));
    return webhook;
  }

  /**
   * Where alerts go is recorded by host only: a gateway may carry a key in the URL's path or query,
   * and the secret is never recorded.
   */
  private void record(AuditAction action, UUID clinicId, String detail) {
    trail.record(
        AuditEvent.of(action, ObjectType.WEBHOOK, clinicId)
            .clinic(clinicId)
            .purpose(Purpose.OPERATIONS)
            .detail(detail));
  }

  private static String hostOf(String url) {
    try {
      String host = URI.create(url).getHost();
      return host == null ? "an address" : host;
    } catch (IllegalArgumentException e) {
      return "an address";
    }
  }

  /**
   * Sends a signed test alert to the clinic's webhook now and says how it went, so an admin can
   * check the pager gateway before an emergency does. It is marked {@code "type": "test"} and names
   * no emergency and no person; it is not kept with the alert deliveries, which are per alert. No
   * transaction is held while the receiver answers (up to 5 s).
   */
  public Dispatcher.Result sendTest(UUID clinicId, String clinicName) {
    Webhook webhook = webhook(clinicId).orElseThrow(() -> new NotFound("webhook"));
    String deliveryId = "test-" + UUID.randomUUID();
    String body =
        Json.createObjectBuilder()
            .add("type", "test")
            .add("deliveryId", deliveryId)
            .add("createdAt", clock.instant().toString())
            .add(
                "clinic",
                Json.createObjectBuilder().add("id", clinicId.toString()).add("name", clinicName))
            .add("message", "Test alert from DirectorLine: there is no emergency.")
            .build()
            .toString();
    return sender.post(webhook.url(), webhook.secret(), deliveryId, body, clock);
  }

  @Transactional
  public boolean removeWebhook(UUID clinicId) {
    Webhook webhook = em.find(Webhook.class, clinicId);
    if (webhook == null) {
      return false;
    }
    em.remove(webhook);
    record(AuditAction.DELETE, clinicId, "alerts no longer go to " + hostOf(webhook.url()));
    return true;
  }
}
