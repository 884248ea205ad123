package com.directorline.compliance.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.AuditOutcome;
import com.directorline.audit.entity.ObjectType;
import com.directorline.audit.entity.Purpose;
import com.directorline.compliance.control.AuditSearch;
import com.directorline.testing.FhirR4Validator;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditExportsTest {

  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

  /**
   * FHIR R4 requires content in AuditEvent.agent.who: 8 of 61 exported events (those no person
   * caused) once had an empty one, which HAPI's R4 validator refuses.
   */
  @Test
  void everyAgentNamesWhoActedEvenWhenNoPersonDid() {
    AuditEvent byPerson =
        AuditEvent.of(AuditAction.READ, ObjectType.EMERGENCY, UUID.randomUUID())
            .by(UUID.randomUUID(), "dana", "DIRECTOR")
            .patient("MRN-1")
            .at(NOW);
    AuditEvent bySystem =
        AuditEvent.of(AuditAction.LOGOUT, ObjectType.USER, UUID.randomUUID())
            .detail("SESSION_ENDED: IDLE_TIMEOUT")
            .at(NOW);

    JsonObject bundle =
        AuditExports.fhir(
            List.of(
                new AuditSearch.Found(byPerson, 1L, "a".repeat(64)),
                new AuditSearch.Found(bySystem, 2L, "b".repeat(64))),
            NOW);

    List<JsonObject> agents =
        bundle.getJsonArray("entry").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getJsonObject("resource").getJsonArray("agent").getJsonObject(0))
            .toList();
    assertThat(agents)
        .allSatisfy(
            agent -> {
              assertThat(agent.getJsonObject("who")).isNotEmpty();
              assertThat(agent.containsKey("requestor")).isTrue();
            });
    assertThat(agents.get(0).getJsonObject("who").getString("display")).isEqualTo("dana");
    assertThat(agents.get(0).getBoolean("requestor")).isTrue();
    assertThat(agents.get(1).getJsonObject("who").getString("display"))
        .isEqualTo("DirectorLine (system)");
    assertThat(agents.get(1).getBoolean("requestor")).isFalse();
  }

  /**
   * Every shape an exported event can take (each action and outcome, with and without a person, a
   * patient, a purpose, an origin, an object, a chain position) is valid FHIR R4 to HAPI's instance
   * validator.
   */
  @Test
  void everyShapeOfExportedEventIsValidR4() {
    List<AuditSearch.Found> rows = new ArrayList<>();
    long seq = 1;
    for (AuditAction action : AuditAction.values()) {
      for (AuditOutcome outcome : AuditOutcome.values()) {
        for (int shape = 0; shape < 4; shape++) {
          AuditEvent.Draft draft =
              AuditEvent.of(action, ObjectType.values()[shape % ObjectType.values().length], null);
          if (shape != 0) {
            draft = AuditEvent.of(action, ObjectType.EMERGENCY, UUID.randomUUID());
          }
          if (shape >= 1) {
            draft.by(UUID.randomUUID(), "dana", "DIRECTOR,ADMIN").patient("MRN-" + seq);
          }
          if (shape == 2) {
            draft.purpose(Purpose.TREATMENT).from("203.0.113.9", "Mozilla/5.0", "req-" + seq);
          }
          if (shape == 3) {
            // A caller with no role in the clinic, from an unknown address.
            draft.by(UUID.randomUUID(), "sam", "").from("", null, null);
            draft.breakGlass("the director is unreachable, the patient is blanching").clinic(null);
          }
          if (outcome == AuditOutcome.DENIED) {
            draft.denied("not a participant");
          } else if (outcome == AuditOutcome.ERROR) {
            draft.failed("photo-integrity");
          }
          AuditEvent event = stored(draft.at(NOW), seq);
          rows.add(
              shape == 1
                  ? new AuditSearch.Found(event, null, null)
                  : new AuditSearch.Found(event, seq, "c".repeat(64)));
          seq++;
        }
      }
    }

    String bundle = AuditExports.fhir(rows, NOW).toString();

    assertThat(FhirR4Validator.get().errors(bundle)).isEmpty();
  }

  /** The id the database would give the event (a sequence value). */
  private static AuditEvent stored(AuditEvent event, long id) {
    try {
      Field field = AuditEvent.class.getDeclaredField("id");
      field.setAccessible(true);
      field.set(event, id);
      return event;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** The validator is not lenient: the empty agent once exported is refused by it. */
  @Test
  void theValidatorRefusesAnAgentWithAnEmptyWho() {
    AuditEvent bySystem =
        AuditEvent.of(AuditAction.LOGOUT, ObjectType.USER, UUID.randomUUID()).at(NOW);
    JsonObject bundle =
        AuditExports.fhir(List.of(new AuditSearch.Found(bySystem, 1L, "d".repeat(64))), NOW);
    JsonObject resource = bundle.getJsonArray("entry").getJsonObject(0).getJsonObject("resource");
    JsonObject agent = resource.getJsonArray("agent").getJsonObject(0);
    JsonObject broken =
        Json.createObjectBuilder(bundle)
            .add(
                "entry",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder(bundle.getJsonArray("entry").getJsonObject(0))
                            .add(
                                "resource",
                                Json.createObjectBuilder(resource)
                                    .add(
                                        "agent",
                                        Json.createArrayBuilder()
                                            .add(
                                                Json.createObjectBuilder(agent)
                                                    .add("who", Json.createObjectBuilder()))))))
            .build();

    assertThat(FhirR4Validator.get().errors(broken.toString()))
        .anySatisfy(error -> assertThat(error).contains("agent[0].who"));
  }
}
