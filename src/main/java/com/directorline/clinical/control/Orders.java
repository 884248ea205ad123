package com.directorline.clinical.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.clinical.entity.DoseUnit;
import com.directorline.clinical.entity.IncidentSignature;
import com.directorline.clinical.entity.MedicationGiven;
import com.directorline.clinical.entity.MedicationOrder;
import com.directorline.clinical.entity.OrderView;
import com.directorline.clinical.entity.Route;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EventType;
import com.directorline.emergencies.entity.IllegalTransition;
import com.directorline.emergencies.entity.NotParticipant;
import com.directorline.emergencies.entity.Status;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Users;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orders with read-back: the accepting director orders on the call, the injector who launched the
 * emergency confirms each as given with the time. An order without its read-back after {@code
 * directorline.clinical.order-pending-seconds} is pending on both pages.
 */
@ApplicationScoped
public class Orders {

  @PersistenceContext EntityManager em;
  @Inject Emergencies emergencies;
  @Inject Users users;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  @Inject
  @ConfigProperty(name = "directorline.clinical.order-pending-seconds", defaultValue = "180")
  int pendingSeconds;

  @Transactional
  public List<OrderView> list(UUID emergencyId) {
    Emergency emergency = emergencies.forViewing(emergencyId);
    trail.record(
        emergencies.access(
            AuditAction.READ, ObjectType.MEDICATION_ORDER, emergency.id(), emergency));
    return views(ordersOf(emergency.id()));
  }

  /** A new order by the accepting director, while the call is open. */
  @Transactional
  public OrderView order(
      UUID emergencyId,
      String medication,
      BigDecimal dose,
      DoseUnit unit,
      Route route,
      String site,
      String note) {
    Emergency emergency = emergencies.forChange(emergencyId);
    UUID me = caller.userId();
    if (!emergency.acceptedBy().map(me::equals).orElse(false)) {
      throw new NotParticipant("Only the director who accepted the emergency gives orders.");
    }
    if (!emergency.callIsOpen()) {
      throw new IllegalTransition(
          "Orders are given while the call is open; the emergency is " + emergency.status() + ".");
    }
    int number = ordersOf(emergency.id()).size() + 1;
    MedicationOrder order =
        MedicationOrder.of(
            emergency.id(), number, medication, dose, unit, route, site, note, me, clock.instant());
    em.persist(order);
    emergencies.document(emergency, EventType.ORDERED, "Order " + number + ": " + order.describe());
    trail.record(
        emergencies
            .access(AuditAction.CREATE, ObjectType.MEDICATION_ORDER, order.id(), emergency)
            .detail("order " + number));
    return view(order, null);
  }

  /**
   * The read-back by the injector who launched the emergency: the order was given at {@code
   * givenAt} (now when null). Also right after the emergency ended, for a dose given at its end.
   */
  @Transactional
  public OrderView given(UUID emergencyId, UUID orderId, Instant givenAt) {
    Emergency emergency = emergencies.forChange(emergencyId);
    UUID me = caller.userId();
    if (!emergency.launchedBy().equals(me)) {
      throw new NotParticipant("The injector who launched the emergency reads its orders back.");
    }
    if (!emergency.callIsOpen() && emergency.status() != Status.ENDED) {
      throw new IllegalTransition(
          "Orders are read back during the call or after it ends; the emergency is "
              + emergency.status()
              + ".");
    }
    if (em.find(IncidentSignature.class, emergency.id()) != null) {
      throw new Conflict(
          "record-signed",
          "The incident record is signed: a dose given but not read back goes into an addendum.");
    }
    MedicationOrder order =
        Optional.ofNullable(em.find(MedicationOrder.class, orderId))
            .filter(o -> o.emergencyId().equals(emergency.id()))
            .orElseThrow(() -> new NotFound("order"));
    MedicationGiven given =
        order.confirmGiven(em.find(MedicationGiven.class, orderId), givenAt, me, clock.instant());
    em.persist(given);
    emergencies.document(
        emergency, EventType.GIVEN, "Order " + order.number() + " given: " + order.describe());
    trail.record(
        emergencies
            .access(AuditAction.UPDATE, ObjectType.MEDICATION_ORDER, order.id(), emergency)
            .detail("order " + order.number() + " given"));
    return view(order, given);
  }

  /** The emergency's orders, by number. */
  public List<MedicationOrder> ordersOf(UUID emergencyId) {
    return em.createQuery(
            "select o from MedicationOrder o where o.emergencyId = :emergency order by o.number",
            MedicationOrder.class)
        .setParameter("emergency", emergencyId)
        .getResultList();
  }

  /** The read-backs of these orders, by order id. */
  public Map<UUID, MedicationGiven> givenOf(List<MedicationOrder> orders) {
    if (orders.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "select g from MedicationGiven g where g.orderId in :orders", MedicationGiven.class)
        .setParameter("orders", orders.stream().map(MedicationOrder::id).toList())
        .getResultList()
        .stream()
        .collect(Collectors.toMap(MedicationGiven::orderId, Function.identity()));
  }

  /** The orders of an emergency the caller has been checked for, as the pages show them. */
  public List<OrderView> viewsOf(Emergency emergency) {
    return views(ordersOf(emergency.id()));
  }

  private List<OrderView> views(List<MedicationOrder> orders) {
    Map<UUID, MedicationGiven> given = givenOf(orders);
    Set<UUID> ids = new HashSet<>();
    orders.forEach(o -> ids.add(o.orderedBy()));
    given.values().forEach(g -> ids.add(g.confirmedBy()));
    var people = users.people(ids);
    Instant now = clock.instant();
    return orders.stream()
        .map(o -> OrderView.of(o, given.get(o.id()), pendingAt(o), now, people))
        .toList();
  }

  private OrderView view(MedicationOrder order, MedicationGiven given) {
    Set<UUID> ids = new HashSet<>();
    ids.add(order.orderedBy());
    if (given != null) {
      ids.add(given.confirmedBy());
    }
    return OrderView.of(order, given, pendingAt(order), clock.instant(), users.people(ids));
  }

  private Instant pendingAt(MedicationOrder order) {
    return order.orderedAt().plusSeconds(pendingSeconds);
  }
}
