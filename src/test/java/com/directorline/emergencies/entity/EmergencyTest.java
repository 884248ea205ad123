package com.directorline.emergencies.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.escalation.entity.Target;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EmergencyTest {

  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  private final UUID clinic = UUID.randomUUID();
  private final UUID injector = UUID.randomUUID();
  private final UUID dana = UUID.randomUUID();
  private final UUID sam = UUID.randomUUID();
  private final UUID lee = UUID.randomUUID();

  private EscalationPlan plan(int repeat) {
    return new EscalationPlan(
        3,
        List.of(
            new EscalationPlan.Step(List.of(dana), 60),
            new EscalationPlan.Step(List.of(sam, lee), 30)),
        repeat,
        "Call 911. Nearest ED: St. Mary's, 2 miles.");
  }

  private Emergency launch(int repeat) {
    return Emergency.launch(
        clinic,
        injector,
        new LaunchRequest(Complication.VASCULAR_OCCLUSION, "MRN-1", "JD", "blanching", false),
        plan(repeat),
        null,
        T0);
  }

  private static List<EventType> types(Emergency emergency) {
    return emergency.drainNewEvents().stream().map(TimelineEntry::type).toList();
  }

  @Test
  void launchAlertsTheFirstStepWithItsDeadline() {
    Emergency emergency = launch(0);

    assertThat(emergency.status()).isEqualTo(Status.ALERTING);
    assertThat(emergency.targets()).extracting(Target::directorId).containsExactly(dana);
    assertThat(emergency.nextDeadline()).contains(T0.plusSeconds(60));
    assertThat(emergency.room()).matches("dl[0-9a-f]{32}");
    assertThat(types(emergency)).containsExactly(EventType.LAUNCHED, EventType.ALERTED);
  }

  @Test
  void roomNamesAreNotRepeated() {
    assertThat(launch(0).room()).isNotEqualTo(launch(0).room());
  }

  @Test
  void nothingHappensBeforeTheDeadline() {
    Emergency emergency = launch(0);
    emergency.drainNewEvents();

    assertThat(emergency.escalateIfDue(T0.plusSeconds(59))).isEmpty();
    assertThat(emergency.step()).isZero();
    assertThat(emergency.drainNewEvents()).isEmpty();
  }

  @Test
  void aPassedDeadlineAlertsTheNextStepThenEndsUnanswered() {
    Emergency emergency = launch(0);

    assertThat(emergency.escalateIfDue(T0.plusSeconds(60))).containsExactly(sam, lee);
    assertThat(emergency.nextDeadline()).contains(T0.plusSeconds(90));
    assertThat(emergency.escalateIfDue(T0.plusSeconds(90))).isEmpty();

    assertThat(emergency.status()).isEqualTo(Status.UNANSWERED);
    assertThat(emergency.endedAt()).isEqualTo(T0.plusSeconds(90));
    assertThat(emergency.nextDeadline()).isEmpty();
    assertThat(types(emergency))
        .containsExactly(
            EventType.LAUNCHED, EventType.ALERTED, EventType.ALERTED, EventType.UNANSWERED);
  }

  @Test
  void theRepeatCountGoesRoundAgain() {
    Emergency emergency = launch(1);
    emergency.escalateIfDue(T0.plusSeconds(60));

    assertThat(emergency.escalateIfDue(T0.plusSeconds(90))).containsExactly(dana);
    assertThat(emergency.round()).isEqualTo(1);
    emergency.escalateIfDue(T0.plusSeconds(150));
    emergency.escalateIfDue(T0.plusSeconds(180));
    assertThat(emergency.status()).isEqualTo(Status.UNANSWERED);
  }

  @Test
  void aDeclineAlertsTheNextStepAtOnce() {
    Emergency emergency = launch(0);

    assertThat(emergency.decline(dana, T0.plusSeconds(5))).containsExactly(sam, lee);
    assertThat(emergency.nextDeadline()).contains(T0.plusSeconds(35));
    assertThatThrownBy(() -> emergency.accept(dana, T0.plusSeconds(6)))
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(403));
  }

  @Test
  void firstAcceptWinsAndALaterOneLearnsWhoTookIt() {
    Emergency emergency = launch(0);
    emergency.escalateIfDue(T0.plusSeconds(60));

    emergency.accept(sam, T0.plusSeconds(61));

    assertThat(emergency.status()).isEqualTo(Status.ACCEPTED);
    assertThat(emergency.acceptedBy()).contains(sam);
    assertThat(emergency.nextDeadline()).isEmpty();
    assertThatThrownBy(() -> emergency.accept(dana, T0.plusSeconds(62)))
        .isInstanceOfSatisfying(
            Emergency.AlreadyAccepted.class, e -> assertThat(e.acceptedBy()).isEqualTo(sam));
    assertThat(emergency.escalateIfDue(T0.plusSeconds(500))).isEmpty();
  }

  @Test
  void directorsNotYetAlertedCannotAccept() {
    Emergency emergency = launch(0);

    assertThatThrownBy(() -> emergency.accept(sam, T0.plusSeconds(1)))
        .isInstanceOf(ProblemException.class);
  }

  @Test
  void theDirectorJoiningConnectsTheCallAndAParticipantEndsIt() {
    Emergency emergency = launch(0);
    emergency.accept(dana, T0.plusSeconds(20));

    emergency.joined(injector, T0.plusSeconds(25));
    assertThat(emergency.status()).isEqualTo(Status.ACCEPTED);
    emergency.joined(dana, T0.plusSeconds(30));
    assertThat(emergency.status()).isEqualTo(Status.CONNECTED);
    assertThat(emergency.connectedAt()).isEqualTo(T0.plusSeconds(30));

    emergency.end(
        dana,
        Outcome.RESOLVED_ON_SITE,
        "hyaluronidase given, refill normal",
        T0.plus(Duration.ofMinutes(20)));
    assertThat(emergency.status()).isEqualTo(Status.ENDED);
    assertThat(emergency.outcome()).isEqualTo(Outcome.RESOLVED_ON_SITE);
    assertThat(emergency.callIsOpen()).isFalse();
    // The summary for the chart is kept, on the timeline too.
    assertThat(emergency.summary()).isEqualTo("hyaluronidase given, refill normal");
    List<TimelineEntry> last = emergency.drainNewEvents();
    assertThat(last.get(last.size() - 1).type()).isEqualTo(EventType.SUMMARY);
    assertThat(last.get(last.size() - 1).detail()).isEqualTo("hyaluronidase given, refill normal");
  }

  @Test
  void onlyTheLaunchingInjectorCancelsAndOnlyBeforeAcceptance() {
    Emergency emergency = launch(0);
    assertThatThrownBy(() -> emergency.cancel(UUID.randomUUID(), T0))
        .isInstanceOf(ProblemException.class);

    emergency.accept(dana, T0.plusSeconds(3));

    assertThatThrownBy(() -> emergency.cancel(injector, T0.plusSeconds(4)))
        .isInstanceOf(IllegalTransition.class)
        .hasMessageContaining("ACCEPTED");
  }

  @Test
  void illegalTransitionsAreRefused() {
    Emergency emergency = launch(0);
    emergency.cancel(injector, T0.plusSeconds(1));

    assertThatThrownBy(() -> emergency.accept(dana, T0.plusSeconds(2)))
        .isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> emergency.end(injector, Outcome.OTHER, null, T0.plusSeconds(2)))
        .isInstanceOf(IllegalTransition.class);
    assertThatThrownBy(() -> emergency.joined(injector, T0.plusSeconds(2)))
        .isInstanceOf(IllegalTransition.class);
    assertThat(emergency.escalateIfDue(T0.plusSeconds(600))).isEmpty();
  }

  @Test
  void theTimelineIsNumberedInOrder() {
    Emergency emergency = launch(0);
    emergency.accept(dana, T0.plusSeconds(10));

    assertThat(emergency.drainNewEvents())
        .extracting(TimelineEntry::ordinal)
        .containsExactly(1, 2, 3);
  }

  @Test
  void theFrozenPlanSurvivesItsJsonForm() {
    EscalationPlan plan = plan(2);

    assertThat(EscalationPlan.fromJson(plan.toJson())).isEqualTo(plan);
  }

  @Test
  void notesJoinTheTimelineFromAcceptToAfterTheEnd() {
    Emergency emergency = launch(0);
    assertThatThrownBy(() -> emergency.addNote(injector, "waiting", T0.plusSeconds(5)))
        .isInstanceOf(IllegalTransition.class);
    emergency.accept(dana, T0.plusSeconds(10));
    emergency.drainNewEvents();
    int before = emergency.eventCount();

    emergency.addNote(dana, "  600 U hyaluronidase, reassess in 15 min ", T0.plusSeconds(60));
    emergency.end(injector, Outcome.RESOLVED_ON_SITE, null, T0.plusSeconds(900));
    emergency.addNote(injector, "capillary refill 2 s both sides", T0.plusSeconds(960));

    List<TimelineEntry> entries = emergency.drainNewEvents();
    assertThat(entries)
        .extracting(TimelineEntry::type)
        .containsExactly(EventType.NOTE, EventType.ENDED, EventType.NOTE);
    assertThat(entries.get(0).detail()).isEqualTo("600 U hyaluronidase, reassess in 15 min");
    assertThat(entries.get(0).actorId()).isEqualTo(dana);
    assertThat(emergency.eventCount()).isEqualTo(before + 3);
  }

  @Test
  void onlyParticipantsWriteNotes() {
    Emergency emergency = launch(0);
    emergency.accept(dana, T0.plusSeconds(10));

    assertThatThrownBy(() -> emergency.addNote(sam, "I was alerted too", T0.plusSeconds(20)))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("participants");
  }

  @Test
  void aCancelledEmergencyTakesNoNotes() {
    Emergency emergency = launch(0);
    emergency.cancel(injector, T0.plusSeconds(5));

    assertThatThrownBy(() -> emergency.addNote(injector, "false alarm", T0.plusSeconds(6)))
        .isInstanceOf(IllegalTransition.class);
  }

  // --- alert first -----------------------------------------------------------------------------

  private Emergency launchAlertFirst() {
    Emergency emergency =
        Emergency.launch(
            clinic,
            injector,
            new LaunchRequest(Complication.VASCULAR_OCCLUSION, null, null, null, false),
            plan(0),
            null,
            T0);
    emergency.drainNewEvents();
    return emergency;
  }

  @Test
  void theAlertGoesOutWithTheComplicationAloneAndThePatientFollows() {
    Emergency emergency = launchAlertFirst();
    assertThat(emergency.status()).isEqualTo(Status.ALERTING);
    assertThat(emergency.patientRef()).isNull();

    emergency.addDetails(
        injector, new EmergencyDetails(" MRN-7 ", "VB", "Possible VO. Need help now."), T0);

    assertThat(emergency.patientRef()).isEqualTo("MRN-7");
    assertThat(emergency.patientInitials()).isEqualTo("VB");
    assertThat(emergency.note()).isEqualTo("Possible VO. Need help now.");
    List<TimelineEntry> added = emergency.drainNewEvents();
    assertThat(added).extracting(TimelineEntry::type).containsExactly(EventType.DETAILS);
    assertThat(added.get(0).detail())
        .as("what was added, not the values")
        .isEqualTo("patient reference, initials, note")
        .doesNotContain("MRN-7");
  }

  @Test
  void thePatientReferenceIsSetOnceWhileInitialsAndNoteMayChange() {
    Emergency emergency = launchAlertFirst();
    emergency.addDetails(injector, new EmergencyDetails("MRN-7", null, null), T0);
    emergency.drainNewEvents();

    emergency.addDetails(injector, new EmergencyDetails("MRN-7", "V.B.", ""), T0.plusSeconds(5));
    assertThat(emergency.patientInitials()).isEqualTo("V.B.");
    assertThat(emergency.drainNewEvents())
        .extracting(TimelineEntry::detail)
        .containsExactly("initials");

    assertThatThrownBy(
            () -> emergency.addDetails(injector, new EmergencyDetails("MRN-8", null, null), T0))
        .isInstanceOf(PatientReferenceSet.class);
    assertThat(emergency.patientRef()).isEqualTo("MRN-7");

    emergency.addDetails(injector, new EmergencyDetails(null, null, "refill 4 s"), T0);
    emergency.addDetails(injector, new EmergencyDetails(null, null, ""), T0);
    assertThat(emergency.note()).isNull();
    assertThat(emergency.drainNewEvents())
        .extracting(TimelineEntry::detail)
        .containsExactly("note", "note removed");
  }

  @Test
  void onlyTheLaunchingInjectorAddsDetailsAndSomethingMustBeSent() {
    Emergency emergency = launchAlertFirst();
    assertThatThrownBy(
            () -> emergency.addDetails(dana, new EmergencyDetails("MRN-7", null, null), T0))
        .isInstanceOf(NotLauncher.class);
    assertThatThrownBy(
            () -> emergency.addDetails(injector, new EmergencyDetails(null, null, null), T0))
        .isInstanceOf(InvalidInput.class);
    assertThat(emergency.patientRef()).isNull();
  }

  @Test
  void consentExceptionAndPhotosWaitForThePatientReference() {
    Emergency emergency = launchAlertFirst();
    assertThatThrownBy(() -> emergency.declareConsentException(injector, T0))
        .isInstanceOf(PatientReferenceNeeded.class);
    assertThatThrownBy(() -> emergency.requirePhotographer(injector))
        .isInstanceOf(PatientReferenceNeeded.class);

    emergency.addDetails(injector, new EmergencyDetails("MRN-7", "VB", null), T0);

    emergency.requirePhotographer(injector);
    emergency.declareConsentException(injector, T0);
  }

  @Test
  void detailsMayBeAddedAfterTheEnd() {
    Emergency emergency = launchAlertFirst();
    emergency.cancel(injector, T0.plusSeconds(3));
    emergency.addDetails(injector, new EmergencyDetails("MRN-7", "VB", null), T0.plusSeconds(60));
    assertThat(emergency.patientRef()).isEqualTo("MRN-7");
  }
}
