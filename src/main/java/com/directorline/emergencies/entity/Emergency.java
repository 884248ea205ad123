package com.directorline.emergencies.entity;

import com.directorline.escalation.entity.Escalation;
import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.escalation.entity.Target;
import com.directorline.platform.entity.NullableUuidConverter;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An emergency consult, from the injector's launch to its end.
 *
 * <p>Lifecycle:
 *
 * <pre>
 *   launch ──> ALERTING ──accept──> ACCEPTED ──director joins──> CONNECTED ──end──> ENDED
 *                │   ↺ deadline passed or declined: next step (then next round)     ▲
 *                │                        └───────────────────end───────────────────┘
 *                ├──cancel (launching injector)──> CANCELLED
 *                └──last step of last round times out──> UNANSWERED (the transfer plan applies)
 * </pre>
 *
 * While ALERTING, {@code nextDeadline} is when the current step gives up; the deadline lives in the
 * database so that any instance, or this one after a restart, fires it. The escalation plan in
 * force at launch is frozen into the emergency. Every transition is stamped with the caller's time
 * and appended to the timeline with its actor; an illegal one throws {@link IllegalTransition}.
 */
@Entity
@Table(name = "emergency")
public class Emergency {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Column(nullable = false, length = 16)
  @Enumerated(EnumType.STRING)
  private Status status;

  @Column(nullable = false, updatable = false, length = 32)
  @Enumerated(EnumType.STRING)
  private Complication complication;

  // Null until the injector adds them (alert first); the reference is then set once.
  @Column(name = "patient_ref", length = 64)
  private String patientRef;

  @Column(name = "patient_initials", length = 8)
  private String patientInitials;

  @Column(length = 2000)
  private String note;

  @Column(nullable = false, updatable = false)
  private boolean drill;

  @Column(name = "launched_by", nullable = false, updatable = false)
  private UUID launchedBy;

  @Column(name = "launched_at", nullable = false, updatable = false)
  private Instant launchedAt;

  @Column(name = "idempotency_key", updatable = false, length = 100)
  private String idempotencyKey;

  @Column(name = "policy", nullable = false, updatable = false, length = 100000)
  private String policyJson;

  @Column(name = "policy_version", nullable = false, updatable = false)
  private int policyVersion;

  @Column(name = "accepted_by")
  @Convert(converter = NullableUuidConverter.class)
  private UUID acceptedBy;

  @Column(name = "accepted_at")
  private Instant acceptedAt;

  @Column(name = "connected_at")
  private Instant connectedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(length = 24)
  @Enumerated(EnumType.STRING)
  private Outcome outcome;

  @Column(length = 4000)
  private String summary;

  @Column(nullable = false, updatable = false, length = 64)
  private String room;

  @Column(name = "event_count", nullable = false)
  private int eventCount;

  @Version private long version;

  /** Where escalation stands: the current step, round and deadline (columns of this table). */
  @Embedded private Escalation escalation = new Escalation();

  /**
   * Every director alerted so far, with their declines. Here and not in {@link Escalation}, which
   * is handed it on every move, because EclipseLink cannot map a collection inside an embeddable.
   */
  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "emergency_target", joinColumns = @JoinColumn(name = "emergency_id"))
  private List<Target> targets = new ArrayList<>();

  @Transient private EscalationPlan plan;
  @Transient private final List<TimelineEntry> newEvents = new ArrayList<>();

  protected Emergency() {}

  /** A new emergency, alerting the first step of {@code plan} at once. */
  public static Emergency launch(
      UUID clinicId,
      UUID injectorId,
      LaunchRequest report,
      EscalationPlan plan,
      String idempotencyKey,
      Instant now) {
    Emergency emergency = new Emergency();
    emergency.id = UUID.randomUUID();
    emergency.clinicId = Objects.requireNonNull(clinicId);
    emergency.launchedBy = Objects.requireNonNull(injectorId);
    emergency.complication = Objects.requireNonNull(report.complication());
    // Alert first: the patient's details may follow (addDetails).
    emergency.patientRef = stripped(report.patientRef());
    emergency.patientInitials = stripped(report.patientInitials());
    emergency.note = stripped(report.note());
    emergency.drill = report.drill();
    emergency.plan = Objects.requireNonNull(plan);
    emergency.policyJson = plan.toJson();
    emergency.policyVersion = plan.version();
    emergency.idempotencyKey = idempotencyKey;
    emergency.launchedAt = now;
    emergency.room = newRoomName();
    emergency.status = Status.ALERTING;
    emergency.record(
        now,
        EventType.LAUNCHED,
        injectorId,
        emergency.complication + (emergency.drill ? " (drill)" : ""));
    emergency.escalated(emergency.escalation.start(emergency.plan, emergency.targets, now), now);
    return emergency;
  }

  /**
   * A Jitsi room name nobody can guess: 128 random bits, lower-case ASCII, because Jitsi compares
   * room claims in lower case.
   */
  static String newRoomName() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return "dl" + HexFormat.of().formatHex(bits);
  }

  @PostLoad
  void thaw() {
    plan = EscalationPlan.fromJson(policyJson);
  }

  // --- escalation ----------------------------------------------------------------------------

  /**
   * Moves to the next step when the current one's deadline has passed; returns the directors
   * alerted now (none when nothing was due, or when the plan ran out and the emergency became
   * UNANSWERED).
   */
  public List<UUID> escalateIfDue(Instant now) {
    if (status != Status.ALERTING) {
      return List.of();
    }
    return escalated(escalation.escalateIfDue(plan, targets, now), now);
  }

  /** Writes what an escalation move did into the timeline; UNANSWERED when the plan ran out. */
  private List<UUID> escalated(Escalation.Moved moved, Instant now) {
    for (Escalation.StepAlerted alerted : moved.steps()) {
      record(
          now,
          EventType.ALERTED,
          null,
          "step "
              + (alerted.step() + 1)
              + " of "
              + plan.steps().size()
              + ", round "
              + (alerted.round() + 1)
              + ": "
              + alerted.directors().size()
              + " director(s), "
              + alerted.timeoutSeconds()
              + " s to accept");
    }
    if (moved.exhausted()) {
      status = Status.UNANSWERED;
      endedAt = now;
      record(now, EventType.UNANSWERED, null, "nobody accepted; the transfer plan applies");
    }
    return moved.alerted();
  }

  // --- the director's answer -----------------------------------------------------------------

  /** First accept wins; a later one learns who took it from {@link AlreadyAccepted}. */
  public void accept(UUID directorId, Instant now) {
    if (status == Status.ACCEPTED || status == Status.CONNECTED) {
      throw new AlreadyAccepted(acceptedBy);
    }
    requireStatus(Status.ALERTING, "accepted");
    escalation.requireMayAnswer(targets, directorId);
    status = Status.ACCEPTED;
    acceptedBy = directorId;
    acceptedAt = now;
    escalation.stop();
    record(now, EventType.ACCEPTED, directorId, null);
  }

  /** Declines for this round; the next step is alerted at once. Returns who was alerted. */
  public List<UUID> decline(UUID directorId, Instant now) {
    requireStatus(Status.ALERTING, "declined");
    Escalation.Moved moved = escalation.decline(plan, targets, directorId, now);
    record(now, EventType.DECLINED, directorId, null);
    return escalated(moved, now);
  }

  // --- the injector --------------------------------------------------------------------------

  public void cancel(UUID injectorId, Instant now) {
    if (!launchedBy.equals(injectorId)) {
      throw new NotLauncher("Only the injector who launched it can cancel it.");
    }
    requireStatus(Status.ALERTING, "cancelled");
    status = Status.CANCELLED;
    endedAt = now;
    escalation.stop();
    record(now, EventType.CANCELLED, injectorId, null);
  }

  /**
   * The launching injector declares that the patient cannot consent; allowed while the emergency is
   * open, because it covers this emergency's consult and photos only.
   */
  public void declareConsentException(UUID injectorId, Instant now) {
    if (!launchedBy.equals(injectorId)) {
      throw new NotLauncher(
          "Only the injector who launched the emergency can declare the consent exception.");
    }
    if (status == Status.ENDED || status == Status.CANCELLED || status == Status.UNANSWERED) {
      throw new IllegalTransition(
          "The consent exception covers an open emergency only; this one is " + status + ".");
    }
    requirePatientReference("the exception and the task to inform the patient are");
    record(now, EventType.CONSENT_EXCEPTION, injectorId, "the patient cannot consent now");
  }

  /**
   * The launching injector adds what was not typed at launch, at any time (the chart needs the
   * patient even when it was forgotten during the call): the patient reference once, initials and
   * the note as often as needed. The timeline says what was added, not the values.
   */
  public void addDetails(UUID injectorId, EmergencyDetails details, Instant now) {
    if (!launchedBy.equals(injectorId)) {
      throw new NotLauncher(
          "Only the injector who launched the emergency adds the patient's details.");
    }
    if (details.isEmpty()) {
      throw InvalidInput.of("patientRef", "send at least one of patientRef, patientInitials, note");
    }
    List<String> added = new ArrayList<>();
    String ref = stripped(details.patientRef());
    if (ref != null && !ref.equals(patientRef)) {
      if (patientRef != null) {
        throw new PatientReferenceSet();
      }
      patientRef = ref;
      added.add("patient reference");
    }
    String initials = stripped(details.patientInitials());
    if (initials != null && !initials.equals(patientInitials)) {
      patientInitials = initials;
      added.add("initials");
    }
    String newNote = stripped(details.note());
    if (details.note() != null && !Objects.equals(newNote, note)) {
      note = newNote;
      added.add(note == null ? "note removed" : "note");
    }
    if (!added.isEmpty()) {
      record(now, EventType.DETAILS, injectorId, String.join(", ", added));
    }
  }

  /** Consent and photos are filed under the patient's reference: they wait for it. */
  public void requirePatientReference(String what) {
    if (patientRef == null) {
      throw new PatientReferenceNeeded(what);
    }
  }

  private static String stripped(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** Photos are taken by the emergency's participants while it is open. */
  public void requirePhotographer(UUID userId) {
    if (!isParticipant(userId)) {
      throw new NotParticipant(
          "Only the launching injector and the accepting director add photos.");
    }
    if (!isOpen()) {
      throw new IllegalTransition(
          "Photos are added while the emergency is open; it is " + status + ".");
    }
    requirePatientReference("photos are");
  }

  public void photoAdded(UUID userId, UUID photoId, Instant now) {
    requirePhotographer(userId);
    record(now, EventType.PHOTO_ADDED, userId, "photo " + photoId);
  }

  /** Alerting, accepted or connected: the emergency is going on. */
  public boolean isOpen() {
    return status == Status.ALERTING || status == Status.ACCEPTED || status == Status.CONNECTED;
  }

  // --- the call ------------------------------------------------------------------------------

  /** A participant's page reports it joined the call; the director joining connects it. */
  public void joined(UUID participantId, Instant now) {
    requireParticipant(participantId);
    if (status != Status.ACCEPTED && status != Status.CONNECTED) {
      throw new IllegalTransition(
          "The call is open only while the emergency is accepted; it is " + status + ".");
    }
    record(now, EventType.JOINED, participantId, null);
    if (status == Status.ACCEPTED && participantId.equals(acceptedBy)) {
      status = Status.CONNECTED;
      connectedAt = now;
    }
  }

  public void left(UUID participantId, Instant now) {
    requireParticipant(participantId);
    if (status != Status.ACCEPTED && status != Status.CONNECTED && status != Status.ENDED) {
      throw new IllegalTransition("Nobody is in a call while the emergency is " + status + ".");
    }
    record(now, EventType.LEFT, participantId, null);
  }

  public void end(UUID participantId, Outcome result, String endSummary, Instant now) {
    requireParticipant(participantId);
    if (status != Status.ACCEPTED && status != Status.CONNECTED) {
      throw new IllegalTransition(
          "Only an accepted emergency can be ended; it is "
              + status
              + (status == Status.ALERTING ? " (cancel it instead)." : "."));
    }
    status = Status.ENDED;
    outcome = Objects.requireNonNull(result);
    summary = endSummary == null || endSummary.isBlank() ? null : endSummary.strip();
    endedAt = now;
    record(now, EventType.ENDED, participantId, result.name());
    if (summary != null) {
      // The start of the chart entry: kept on the timeline, where both pages show it.
      record(now, EventType.SUMMARY, participantId, summary);
    }
  }

  /**
   * A participant writes down what was said or done (the director's guidance, a reassessment); it
   * becomes part of the timeline the chart needs. Allowed during the call and after it ends, for
   * documentation written right after.
   */
  public void addNote(UUID participantId, String text, Instant now) {
    requireParticipant(participantId);
    if (status != Status.ACCEPTED && status != Status.CONNECTED && status != Status.ENDED) {
      throw new IllegalTransition(
          "Notes are written once a director has accepted; the emergency is " + status + ".");
    }
    record(now, EventType.NOTE, participantId, Objects.requireNonNull(text).strip());
  }

  /**
   * A line of the clinical record on the timeline (a checklist tick, an order, its read-back, the
   * signature, an addendum), by a participant. Whether the act itself is allowed now is the
   * clinical record's rule; the timeline only refuses what is not clinical or not a participant's.
   */
  public void documented(UUID participantId, EventType type, String detail, Instant now) {
    requireParticipant(participantId);
    if (!type.isClinical()) {
      throw new IllegalArgumentException(type + " is recorded by the emergency itself");
    }
    record(now, type, participantId, detail);
  }

  // --- rules ---------------------------------------------------------------------------------

  public boolean isParticipant(UUID userId) {
    return launchedBy.equals(userId) || userId.equals(acceptedBy);
  }

  public boolean wasAlerted(UUID directorId) {
    return Escalation.wasAlerted(targets, directorId);
  }

  /** Participants may have a video grant only while the emergency is accepted or connected. */
  public boolean callIsOpen() {
    return status == Status.ACCEPTED || status == Status.CONNECTED;
  }

  private void requireStatus(Status required, String what) {
    if (status != required) {
      throw new IllegalTransition(
          "The emergency is " + status + "; it can be " + what + " only while " + required + ".");
    }
  }

  private void requireParticipant(UUID userId) {
    if (!isParticipant(userId)) {
      throw new NotParticipant("Only the emergency's participants can do this.");
    }
  }

  private void record(Instant at, EventType type, UUID actor, String detail) {
    eventCount++;
    newEvents.add(new TimelineEntry(id, eventCount, at, type, actor, detail));
  }

  /** The timeline entries added since load, for the store to persist; empties the list. */
  public List<TimelineEntry> drainNewEvents() {
    List<TimelineEntry> events = List.copyOf(newEvents);
    newEvents.clear();
    return events;
  }

  /** 409 for a second accept, naming (by id) who took it. */
  public static class AlreadyAccepted extends Conflict {
    private final UUID acceptedBy;

    public AlreadyAccepted(UUID acceptedBy) {
      super("already-accepted", "Another director has already accepted this emergency.");
      this.acceptedBy = acceptedBy;
    }

    public UUID acceptedBy() {
      return acceptedBy;
    }
  }

  // --- reading -------------------------------------------------------------------------------

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public Status status() {
    return status;
  }

  public Complication complication() {
    return complication;
  }

  public String patientRef() {
    return patientRef;
  }

  public String patientInitials() {
    return patientInitials;
  }

  public String note() {
    return note;
  }

  public boolean isDrill() {
    return drill;
  }

  public UUID launchedBy() {
    return launchedBy;
  }

  public Instant launchedAt() {
    return launchedAt;
  }

  public EscalationPlan plan() {
    return plan;
  }

  public int step() {
    return escalation.step();
  }

  public int round() {
    return escalation.round();
  }

  public Optional<Instant> nextDeadline() {
    return escalation.nextDeadline();
  }

  public Optional<UUID> acceptedBy() {
    return Optional.ofNullable(acceptedBy);
  }

  public Instant acceptedAt() {
    return acceptedAt;
  }

  public Instant connectedAt() {
    return connectedAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public Outcome outcome() {
    return outcome;
  }

  public String summary() {
    return summary;
  }

  /** How many timeline entries there are: a page refetches the timeline when this changes. */
  public int eventCount() {
    return eventCount;
  }

  public String room() {
    return room;
  }

  /** Every director alerted so far, in the order they were alerted. */
  public List<Target> targets() {
    return List.copyOf(targets);
  }
}
