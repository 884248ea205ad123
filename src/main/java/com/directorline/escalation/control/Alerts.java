package com.directorline.escalation.control;

import com.directorline.escalation.entity.Alert;
import com.directorline.escalation.entity.AlertMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Sends alerts to directors. Alerts are written in the caller's transaction (with the state change
 * that caused them) and handed to the consoles connected here only once it commits, so a console
 * never shows an alert that was rolled back. Consoles on other instances get them from the table
 * ({@link AlertHub} polls it).
 */
@ApplicationScoped
public class Alerts {

  /** Event names on the stream. */
  public static final String ALERT = "emergency.alert";

  public static final String TAKEN = "emergency.taken";
  public static final String CANCELLED = "emergency.cancelled";
  public static final String UNANSWERED = "emergency.unanswered";

  /** The emergency gained details (the patient, a note); the console reads them if it may. */
  public static final String UPDATED = "emergency.updated";

  /**
   * A follow-up after an emergency is due (or overdue): to its assignee, by email and webhook too.
   */
  public static final String FOLLOW_UP_DUE = "follow-up.due";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Event<Committed> committed;
  @Inject AlertHub hub;
  @Inject Outbox outbox;

  /** Alerts written in one transaction, delivered after it commits. */
  public record Committed(List<AlertMessage> messages) {}

  @Transactional(Transactional.TxType.MANDATORY)
  public void send(Collection<UUID> directors, UUID emergencyId, String event, String data) {
    // Named "directors" for the alerts they mostly are; a follow-up reminder reaches its
    // assignee, who may be an injector (email and webhook then, having no console).
    if (directors.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Alert> alerts =
        directors.stream()
            .distinct()
            .map(d -> new Alert(d, emergencyId, event, now, data))
            .toList();
    alerts.forEach(em::persist);
    em.flush();
    if (outbound(event)) {
      // Owed from this commit on: email and webhook reach the person even if this instance dies
      // before it has sent them (OutboundAlerts makes them at once; Outbox keeps them owed).
      outbox.open(alerts);
    }
    // On PostgreSQL the insert notifies every instance's AlertNotices when this transaction
    // commits (a trigger, db/vendor/postgresql/V19_1): no statement of ours.
    committed.fire(new Committed(alerts.stream().map(AlertMessage::of).toList()));
  }

  /** Events that also go out by email and the clinic's webhook. */
  public static boolean outbound(String event) {
    return ALERT.equals(event) || FOLLOW_UP_DUE.equals(event);
  }

  void deliverAfterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Committed alerts) {
    hub.deliver(alerts.messages());
  }

  /** What a console missed: alerts after {@code afterSeq}, or the recent ones on a fresh start. */
  @Transactional
  public List<AlertMessage> since(UUID directorId, Long afterSeq, Instant notBefore) {
    var query =
        afterSeq != null
            ? em.createQuery(
                    "select a from Alert a where a.directorId = :director and a.seq > :after order by a.seq",
                    Alert.class)
                .setParameter("after", afterSeq)
            : em.createQuery(
                    "select a from Alert a where a.directorId = :director and a.createdAt >= :since order by a.seq",
                    Alert.class)
                .setParameter("since", notBefore);
    return query.setParameter("director", directorId).setMaxResults(1000).getResultList().stream()
        .map(AlertMessage::of)
        .toList();
  }

  /** Alerts from any instance after {@code afterSeq}, for the hub's poll. */
  @Transactional
  public List<AlertMessage> after(long afterSeq) {
    return em
        .createQuery("select a from Alert a where a.seq > :after order by a.seq", Alert.class)
        .setParameter("after", afterSeq)
        .setMaxResults(1000)
        .getResultList()
        .stream()
        .map(AlertMessage::of)
        .toList();
  }

  /** These alerts, by their seq. */
  @Transactional
  public List<AlertMessage> bySeq(Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery("select a from Alert a where a.seq in :seqs order by a.seq", Alert.class)
        .setParameter("seqs", seqs)
        .getResultList()
        .stream()
        .map(AlertMessage::of)
        .toList();
  }

  @Transactional
  public long lastSeq() {
    Long max = em.createQuery("select max(a.seq) from Alert a", Long.class).getSingleResult();
    return max == null ? 0 : max;
  }
}
