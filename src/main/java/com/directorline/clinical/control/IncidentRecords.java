package com.directorline.clinical.control;

import com.directorline.audit.control.AuditTrail;
import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.ObjectType;
import com.directorline.clinical.entity.Checklist;
import com.directorline.clinical.entity.ChecklistTick;
import com.directorline.clinical.entity.IncidentAddendum;
import com.directorline.clinical.entity.IncidentDetails;
import com.directorline.clinical.entity.IncidentRecord;
import com.directorline.clinical.entity.IncidentRecordView;
import com.directorline.clinical.entity.IncidentSignature;
import com.directorline.clinical.entity.MedicationGiven;
import com.directorline.clinical.entity.MedicationOrder;
import com.directorline.emergencies.control.Emergencies;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.EventType;
import com.directorline.emergencies.entity.IllegalTransition;
import com.directorline.emergencies.entity.NotParticipant;
import com.directorline.emergencies.entity.Status;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Person;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The incident record: drafted by the participants during and after the call, signed by the
 * director who accepted once the emergency has ended, then never changed; corrections are dated
 * addenda by either participant. The signature is an attestation in the audit trail.
 */
@ApplicationScoped
public class IncidentRecords {

  private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm");

  @PersistenceContext EntityManager em;
  @Inject Emergencies emergencies;
  @Inject Checklists checklists;
  @Inject Orders orders;
  @Inject Users users;
  @Inject Clinics clinics;
  @Inject Caller caller;
  @Inject Clock clock;
  @Inject AuditTrail trail;

  @Transactional
  public IncidentRecordView read(UUID emergencyId) {
    Emergency emergency = emergencies.forViewing(emergencyId);
    trail.record(
        emergencies.access(
            AuditAction.READ, ObjectType.INCIDENT_RECORD, emergency.id(), emergency));
    return view(emergency);
  }

  /**
   * Saves the draft over version {@code basedOn} (0 for the first save): participants, until it is
   * signed; not for a cancelled emergency, which had nothing to record.
   */
  @Transactional
  public IncidentRecordView save(UUID emergencyId, IncidentDetails details, int basedOn) {
    Emergency emergency = emergencies.forChange(emergencyId);
    UUID me = caller.userId();
    if (!emergency.isParticipant(me)) {
      throw new NotParticipant("The emergency's participants write its incident record.");
    }
    if (emergency.status() == Status.CANCELLED) {
      throw new IllegalTransition("A cancelled emergency has no incident record.");
    }
    requireUnsigned(emergency);
    Instant now = clock.instant();
    requirePlausibleTimes(details, emergency, now);
    IncidentRecord record = em.find(IncidentRecord.class, emergency.id());
    int version;
    if (record == null) {
      if (basedOn != 0) {
        throw new Conflict(
            "record-changed", "There is no record yet; the first save names version 0.");
      }
      IncidentRecord first = IncidentRecord.first(emergency.id(), details, me, now);
      em.persist(first);
      version = first.version();
    } else {
      record.revise(details, basedOn, me, now);
      version = record.version();
    }
    // On the timeline, so the other participant's page reads the new words at its next poll
    // instead of working on a stale draft.
    emergencies.document(
        emergency, EventType.RECORD_SAVED, "Incident record draft saved (version " + version + ")");
    trail.record(
        emergencies
            .access(
                record == null ? AuditAction.CREATE : AuditAction.UPDATE,
                ObjectType.INCIDENT_RECORD,
                emergency.id(),
                emergency)
            .detail("draft"));
    em.flush();
    return view(emergency);
  }

  /**
   * The accepting director signs the version they read ({@code basedOn}), after the emergency has
   * ended: 409 {@code record-changed} if it changed since, {@code record-incomplete} naming what is
   * missing, {@code record-signed} when already signed, {@code orders-unconfirmed} when an order
   * was never read back as given and the director did not say they sign over it.
   */
  @Transactional
  public IncidentRecordView sign(
      UUID emergencyId, int basedOn, boolean acknowledgingUnconfirmedOrders) {
    Emergency emergency = emergencies.forChange(emergencyId);
    UUID me = caller.userId();
    if (!emergency.acceptedBy().map(me::equals).orElse(false)) {
      throw new NotParticipant("The director who accepted the emergency signs its record.");
    }
    if (emergency.status() != Status.ENDED) {
      throw new IllegalTransition(
          "The record is signed once the emergency has ended; it is " + emergency.status() + ".");
    }
    requireUnsigned(emergency);
    IncidentRecord record = em.find(IncidentRecord.class, emergency.id());
    if (record == null) {
      throw new Conflict(
          "record-changed", "There is no record to sign yet; the injector drafts it.");
    }
    if (record.version() != basedOn) {
      throw new Conflict(
          "record-changed",
          "The record was changed since you read it (it is at version "
              + record.version()
              + "); read it again before signing.");
    }
    // Completeness first: what the record lacks is fixed before anything is acknowledged.
    IncidentSignature signature = IncidentSignature.of(record, me, clock.instant());
    // A dose ordered but never read back is either not given or given unrecorded: the director
    // signs over it only knowingly, and the timeline and the trail say so.
    List<Integer> unconfirmed = unconfirmedOrders(emergency);
    if (!unconfirmed.isEmpty() && !acknowledgingUnconfirmedOrders) {
      throw new Conflict(
          "orders-unconfirmed",
          (unconfirmed.size() == 1 ? "Order " : "Orders ")
              + numbers(unconfirmed)
              + (unconfirmed.size() == 1 ? " was" : " were")
              + " never read back as given. Say in the record what became of "
              + (unconfirmed.size() == 1 ? "it" : "them")
              + ", then sign with acknowledgeUnconfirmedOrders.");
    }
    String over =
        unconfirmed.isEmpty()
            ? ""
            : "; signed over unconfirmed "
                + (unconfirmed.size() == 1 ? "order " : "orders ")
                + numbers(unconfirmed);
    em.persist(signature);
    emergencies.document(
        emergency,
        EventType.RECORD_SIGNED,
        "Incident record version " + record.version() + " signed" + over);
    // The attestation: who signed which content, by its digest.
    trail.record(
        emergencies
            .access(AuditAction.CREATE, ObjectType.SIGNATURE, emergency.id(), emergency)
            .detail(
                "incident record version "
                    + record.version()
                    + " signed; sha256="
                    + signature.sha256()
                    + over));
    em.flush();
    return view(emergency);
  }

  /** A dated addendum to the signed record, by a participant. */
  @Transactional
  public IncidentRecordView addendum(UUID emergencyId, String text) {
    Emergency emergency = emergencies.forChange(emergencyId);
    UUID me = caller.userId();
    if (!emergency.isParticipant(me)) {
      throw new NotParticipant("The emergency's participants write addenda to its record.");
    }
    IncidentSignature signature =
        signature(emergency.id())
            .orElseThrow(
                () ->
                    new Conflict(
                        "record-not-signed",
                        "The record is not signed yet: change the draft instead."));
    IncidentAddendum addendum = new IncidentAddendum(signature, text, me, clock.instant());
    em.persist(addendum);
    emergencies.document(emergency, EventType.ADDENDUM, addendum.body());
    trail.record(
        emergencies.access(AuditAction.CREATE, ObjectType.ADDENDUM, addendum.id(), emergency));
    em.flush();
    return view(emergency);
  }

  /** The signature, when the record is signed. */
  public Optional<IncidentSignature> signature(UUID emergencyId) {
    return Optional.ofNullable(em.find(IncidentSignature.class, emergencyId));
  }

  /** The addenda, oldest first. */
  public List<IncidentAddendum> addenda(UUID emergencyId) {
    return em.createQuery(
            "select a from IncidentAddendum a where a.emergencyId = :emergency"
                + " order by a.writtenAt",
            IncidentAddendum.class)
        .setParameter("emergency", emergencyId)
        .getResultList();
  }

  /** How far a phone's clock may run ahead of ours. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Times a medical record can hold: none in the future, none more than a year before the emergency
   * (a late infection can follow a treatment by weeks), and the onset not before the treatment.
   */
  private static void requirePlausibleTimes(
      IncidentDetails details, Emergency emergency, Instant now) {
    Instant earliest = emergency.launchedAt().minus(Duration.ofDays(366));
    requireTime("record.treatedAt", details.treatedAt(), earliest, now);
    requireTime("record.onsetAt", details.onsetAt(), earliest, now);
    if (details.treatedAt() != null
        && details.onsetAt() != null
        && details.onsetAt().isBefore(details.treatedAt())) {
      throw InvalidInput.of("record.onsetAt", "must not be before the time of the treatment");
    }
  }

  private static void requireTime(String field, Instant at, Instant earliest, Instant now) {
    if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
      throw InvalidInput.of(field, "must not be in the future");
    }
    if (at != null && at.isBefore(earliest)) {
      throw InvalidInput.of(field, "must be within the year before the emergency");
    }
  }

  private void requireUnsigned(Emergency emergency) {
    if (signature(emergency.id()).isPresent()) {
      throw new Conflict(
          "record-signed", "The record is signed and cannot change; write an addendum.");
    }
  }

  /** The record as the caller may see it; the caller has been checked. */
  public IncidentRecordView view(Emergency emergency) {
    IncidentRecord draft = em.find(IncidentRecord.class, emergency.id());
    Optional<IncidentSignature> signature = signature(emergency.id());
    List<IncidentAddendum> addenda = signature.isPresent() ? addenda(emergency.id()) : List.of();
    Set<UUID> ids = new HashSet<>();
    if (draft != null) {
      ids.add(draft.updatedBy());
    }
    signature.ifPresent(s -> ids.add(s.signedBy()));
    addenda.forEach(a -> ids.add(a.writtenBy()));
    Map<UUID, Person> people = users.people(ids);
    UUID me = caller.userId();
    IncidentDetails details =
        signature
            .map(IncidentSignature::details)
            .orElse(draft == null ? IncidentDetails.EMPTY : draft.details());
    boolean signed = signature.isPresent();
    return new IncidentRecordView(
        emergency.id(),
        signed ? "SIGNED" : draft == null ? "NONE" : "DRAFT",
        draft == null ? 0 : draft.version(),
        details,
        draft == null ? null : draft.updatedAt(),
        draft == null ? null : draft.updatedBy(),
        draft == null ? null : name(people, draft.updatedBy()),
        actionsFromCall(emergency),
        signed ? List.of() : details.missingForSignature(),
        unconfirmedOrders(emergency),
        !signed && emergency.isParticipant(me) && emergency.status() != Status.CANCELLED,
        !signed
            && emergency.status() == Status.ENDED
            && emergency.acceptedBy().map(me::equals).orElse(false),
        signature
            .map(
                s ->
                    new IncidentRecordView.SignatureView(
                        s.signedBy(),
                        name(people, s.signedBy()),
                        s.signedAt(),
                        s.sha256(),
                        s.intact()))
            .orElse(null),
        addenda.stream()
            .map(
                a ->
                    new IncidentRecordView.AddendumView(
                        a.id(),
                        a.writtenAt(),
                        a.writtenBy(),
                        name(people, a.writtenBy()),
                        a.body()))
            .toList());
  }

  /**
   * What was done, from the checklist's ticks and the orders read back as given, one line each in
   * time order on the clinic's clock: the start of the record's "actions taken".
   */
  public String actionsFromCall(Emergency emergency) {
    ZoneId zone = clinics.byId(emergency.clinicId()).map(Clinic::zone).orElse(ZoneId.of("UTC"));
    record ActionLine(Instant at, String text) {}
    List<ActionLine> lines = new ArrayList<>();
    Checklist checklist = checklists.checklistOf(emergency);
    for (ChecklistTick tick : checklist.ticks()) {
      lines.add(new ActionLine(tick.tickedAt(), checklist.describe(tick)));
    }
    List<MedicationOrder> placed = orders.ordersOf(emergency.id());
    Map<UUID, MedicationGiven> given = orders.givenOf(placed);
    for (MedicationOrder order : placed) {
      MedicationGiven g = given.get(order.id());
      if (g != null) {
        lines.add(new ActionLine(g.givenAt(), "Given: " + order.describe()));
      }
    }
    lines.sort(Comparator.comparing(ActionLine::at));
    StringBuilder text = new StringBuilder();
    for (ActionLine line : lines) {
      text.append(CLOCK_TIME.format(line.at().atZone(zone)))
          .append(' ')
          .append(line.text())
          .append('\n');
    }
    return text.toString().strip();
  }

  /** The numbers of the emergency's orders never read back as given. */
  private List<Integer> unconfirmedOrders(Emergency emergency) {
    List<MedicationOrder> placed = orders.ordersOf(emergency.id());
    Map<UUID, MedicationGiven> given = orders.givenOf(placed);
    return placed.stream()
        .filter(o -> !given.containsKey(o.id()))
        .map(MedicationOrder::number)
        .toList();
  }

  private static String numbers(List<Integer> numbers) {
    return String.join(", ", numbers.stream().map(String::valueOf).toList());
  }

  private static String name(Map<UUID, Person> people, UUID id) {
    Person person = people.get(id);
    return person == null ? null : person.displayName();
  }
}
