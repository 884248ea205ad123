package com.directorline.clinical.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.emergencies.entity.Complication;
import com.directorline.problems.entity.Conflict;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.NotFound;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The clinical record's rules on a fixed clock: checklist, read-back, draft, signature. */
class ClinicalRulesTest {

  private static final Instant T0 = Instant.parse("2026-12-03T14:00:00Z");
  private static final UUID EMERGENCY = UUID.randomUUID();
  private static final UUID NURSE = UUID.randomUUID();
  private static final UUID DOCTOR = UUID.randomUUID();

  private static Protocol protocol() {
    return Protocol.version(
        UUID.randomUUID(),
        Complication.VASCULAR_OCCLUSION,
        1,
        "Occlusion",
        List.of(new ProtocolStep(0, "Stop injecting", null), new ProtocolStep(1, "Reassess", 900)),
        List.of(new ProtocolFollowUp(0, 24, "Call the patient")),
        false,
        DOCTOR,
        T0.minus(Duration.ofDays(1)));
  }

  @Test
  void aOnceStepIsDoneOnceAndARepeatingStepIsDueItsIntervalAfterItsLastTick() {
    List<ChecklistTick> ticks = new ArrayList<>();
    Checklist checklist = new Checklist(EMERGENCY, protocol(), ticks);
    ticks.add(checklist.tick(1, null, NURSE, T0));
    Checklist once = new Checklist(EMERGENCY, protocol(), ticks);
    assertThatThrownBy(() -> once.tick(1, null, NURSE, T0.plusSeconds(5)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.problem().type()).endsWith("step-done"));
    assertThat(once.nextDue(2)).as("not started yet").isEmpty();

    ticks.add(once.tick(2, "refill 4 s", DOCTOR, T0.plusSeconds(60)));
    ticks.add(
        new Checklist(EMERGENCY, protocol(), ticks).tick(2, null, NURSE, T0.plusSeconds(960)));
    Checklist later = new Checklist(EMERGENCY, protocol(), ticks);
    assertThat(later.nextDue(2)).contains(T0.plusSeconds(960 + 900));
    assertThat(later.done()).isEqualTo(2);
    assertThat(later.describe(ticks.get(1))).isEqualTo("Step 2: Reassess — refill 4 s");
    assertThatThrownBy(() -> later.tick(3, null, NURSE, T0)).isInstanceOf(NotFound.class);
    assertThatThrownBy(() -> new Checklist(EMERGENCY, null, List.of()).tick(1, null, NURSE, T0))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.problem().type()).endsWith("no-protocol"));
  }

  @Test
  void anOrderIsReadBackOnceNotBeforeItWasGivenNorInTheFuture() {
    MedicationOrder order =
        MedicationOrder.of(
            EMERGENCY,
            1,
            " Hyaluronidase ",
            new BigDecimal("1500.00"),
            DoseUnit.UNITS,
            Route.SUBCUTANEOUS,
            "left fold",
            " ",
            DOCTOR,
            T0);
    assertThat(order.describe()).isEqualTo("Hyaluronidase 1500 units subcutaneous, left fold");
    assertThatThrownBy(
            () ->
                order.confirmGiven(
                    null, T0.minus(Duration.ofMinutes(5)), NURSE, T0.plusSeconds(60)))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () ->
                order.confirmGiven(
                    null, T0.plus(Duration.ofMinutes(10)), NURSE, T0.plusSeconds(60)))
        .isInstanceOf(InvalidInput.class);
    MedicationOrder later =
        MedicationOrder.of(
            EMERGENCY,
            2,
            "Aspirin",
            new BigDecimal("300"),
            DoseUnit.MG,
            Route.ORAL,
            null,
            null,
            DOCTOR,
            T0.plusSeconds(40));
    assertThat(later.confirmGiven(null, T0.plusSeconds(10), NURSE, T0.plusSeconds(60)).givenAt())
        .as("'given at 14:00' for an order of 14:00:40 is that order's time")
        .isEqualTo(T0.plusSeconds(40));
    assertThatThrownBy(
            () -> later.confirmGiven(null, T0.minusSeconds(1), NURSE, T0.plusSeconds(60)))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(
            () ->
                MedicationOrder.of(
                    EMERGENCY,
                    3,
                    "x",
                    new BigDecimal("0.00001"),
                    DoseUnit.MG,
                    Route.ORAL,
                    null,
                    null,
                    DOCTOR,
                    T0))
        .as("finer than the 4 decimals stored")
        .isInstanceOf(InvalidInput.class);
    MedicationGiven given = order.confirmGiven(null, null, NURSE, T0.plusSeconds(90));
    assertThat(given.givenAt()).isEqualTo(T0.plusSeconds(90));
    assertThatThrownBy(() -> order.confirmGiven(given, null, NURSE, T0.plusSeconds(95)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.problem().type()).endsWith("order-given"));
    assertThatThrownBy(
            () ->
                MedicationOrder.of(
                    EMERGENCY,
                    2,
                    "x",
                    BigDecimal.ZERO,
                    DoseUnit.MG,
                    Route.ORAL,
                    null,
                    null,
                    DOCTOR,
                    T0))
        .isInstanceOf(InvalidInput.class);
  }

  private static IncidentDetails complete() {
    return new IncidentDetails(
        "HA filler",
        "Product",
        "LOT-1",
        "0.8 mL",
        "left fold",
        T0.minusSeconds(1800),
        T0.minusSeconds(600),
        "Blanching",
        "Stopped; hyaluronidase",
        true,
        "the injector",
        Disposition.HOME,
        "Call at 24 h",
        null);
  }

  @Test
  void aSaveOverANewerVersionIsRefusedAndASignatureCoversExactlyTheSignedContent() {
    IncidentRecord record = IncidentRecord.first(EMERGENCY, IncidentDetails.EMPTY, NURSE, T0);
    assertThat(record.details().missingForSignature())
        .containsExactly(
            "procedure", "onsetAt", "signs", "actionsTaken", "patientInformed", "disposition");
    assertThatThrownBy(() -> IncidentSignature.of(record, DOCTOR, T0))
        .isInstanceOf(RecordIncomplete.class);
    record.revise(complete(), 1, DOCTOR, T0.plusSeconds(10));
    assertThatThrownBy(() -> record.revise(complete(), 1, NURSE, T0.plusSeconds(20)))
        .isInstanceOfSatisfying(
            Conflict.class, e -> assertThat(e.problem().type()).endsWith("record-changed"));
    IncidentDetails informedByNobody =
        new IncidentDetails(
            "p",
            null,
            null,
            null,
            null,
            null,
            T0,
            "s",
            "a",
            true,
            "  ",
            Disposition.HOME,
            null,
            null);
    assertThat(informedByNobody.missingForSignature()).containsExactly("informedBy");

    IncidentSignature signature = IncidentSignature.of(record, DOCTOR, T0.plusSeconds(30));
    assertThat(signature.intact()).isTrue();
    assertThat(signature.details()).isEqualTo(complete());
    assertThat(signature.version()).isEqualTo(2);
    assertThat(signature.sha256()).hasSize(64);
    assertThat(signature.content()).contains(DOCTOR.toString(), "LOT-1");
  }
}
