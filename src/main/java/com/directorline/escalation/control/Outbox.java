package com.directorline.escalation.control;

import com.directorline.escalation.entity.Alert;
import com.directorline.escalation.entity.Delivery;
import com.directorline.escalation.entity.PendingDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Email and webhook deliveries still to make, as rows (the outbox), so that none is lost with the
 * instance that was making it. An alert's first attempts are owed from the transaction that wrote
 * the alert; the instance that wrote it makes them at once and holds them for {@code
 * directorline.alerts.claim-seconds}. A failed attempt owes a retry, due after its backoff. Due
 * rows are claimed by any instance ({@code FOR UPDATE SKIP LOCKED}, so each by one). Delivery is at
 * least once: an instance that dies after sending but before settling leaves the attempt to be made
 * again, which is why a webhook's {@code X-DirectorLine-Delivery} stays the same for every attempt.
 */
@ApplicationScoped
public class Outbox {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Long enough for an attempt to end (webhook: 3 s to connect, 5 s to answer). */
  @Inject
  @ConfigProperty(name = "directorline.alerts.claim-seconds", defaultValue = "30")
  long claimSeconds;

  /** A delivery claimed by this instance: the alert, the channel (null: every one), the attempt. */
  public record Claimed(UUID id, long alertSeq, Delivery.Channel channel, int attempt) {
    public boolean covers(Delivery.Channel c) {
      return channel == null || channel == c;
    }
  }

  /** In the alerts' own transaction: their deliveries are owed from the moment they commit. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void open(List<Alert> alerts) {
    Instant claimedUntil = clock.instant().plus(claim());
    alerts.forEach(alert -> em.persist(PendingDelivery.first(alert.seq(), claimedUntil)));
  }

  /** Up to {@code max} due deliveries, claimed for this instance until the claim runs out. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Claimed> claimDue(int max) {
    Instant now = clock.instant();
    @SuppressWarnings("unchecked")
    List<PendingDelivery> due =
        em.createNativeQuery(
                "select * from pending_delivery where due_at <= ? order by due_at limit ?"
                    + " for update skip locked",
                PendingDelivery.class)
            .setParameter(1, now.atOffset(ZoneOffset.UTC))
            .setParameter(2, max)
            .getResultList();
    // No refresh: what is read (alert, channel, attempt) never changes, and the claim overwrites
    // the one field that does.
    Instant until = now.plus(claim());
    return due.stream()
        .map(
            row -> {
              row.claim(until);
              return new Claimed(row.id(), row.alertSeq(), row.channel(), row.attempt());
            })
        .toList();
  }

  /**
   * Records the attempts made, removes the deliveries they settle (the first attempts of {@code
   * firstOf}'s alerts, and the claimed rows {@code made}) and owes the {@code retries}, in one
   * transaction: a delivery is either still owed or recorded, never both or neither.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void settle(
      List<Delivery> attempts,
      Collection<Long> firstOf,
      Collection<UUID> made,
      List<PendingDelivery> retries) {
    attempts.forEach(em::persist);
    if (!firstOf.isEmpty()) {
      em.createQuery(
              "delete from PendingDelivery p where p.alertSeq in :seqs and p.channel is null")
          .setParameter("seqs", firstOf)
          .executeUpdate();
    }
    if (!made.isEmpty()) {
      em.createQuery("delete from PendingDelivery p where p.id in :ids")
          .setParameter("ids", made)
          .executeUpdate();
    }
    retries.forEach(em::persist);
  }

  /**
   * Holds the deliveries this instance is still making for another claim period, so that neither
   * another instance nor this one's own look for due rows makes them a second time while they wait
   * behind a slow mail server.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void renew(Collection<Long> firstOf, Collection<UUID> claimed) {
    Instant until = clock.instant().plus(claim());
    if (!firstOf.isEmpty()) {
      em.createQuery(
              "update PendingDelivery p set p.dueAt = :until"
                  + " where p.alertSeq in :seqs and p.channel is null")
          .setParameter("until", until)
          .setParameter("seqs", firstOf)
          .executeUpdate();
    }
    if (!claimed.isEmpty()) {
      em.createQuery("update PendingDelivery p set p.dueAt = :until where p.id in :ids")
          .setParameter("until", until)
          .setParameter("ids", claimed)
          .executeUpdate();
    }
  }

  Duration claim() {
    return Duration.ofSeconds(claimSeconds);
  }
}
