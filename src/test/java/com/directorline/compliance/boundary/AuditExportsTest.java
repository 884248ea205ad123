package com.directorline.compliance.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.audit.entity.ObjectType;
import com.directorline.compliance.control.AuditSearch;
import jakarta.json.JsonObject;
import java.time.Instant;
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
}
