package com.directorline.emergencies.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Deadlines live in the database: a step due while the server was down fires once it is back. The
 * test has a database of its own, so no other server's ticker can do the work. Two instances on one
 * database, each step firing once and alerts shared by PostgreSQL's notices, are {@link
 * FailoverIT}'s.
 */
class EscalationAcrossRestartsIT {

  private static final JsonObject LAUNCH =
      Json.createObjectBuilder()
          .add("complication", "ANAPHYLAXIS")
          .add("patientRef", "MRN-55")
          .add("patientInitials", "AB")
          .build();

  @Test
  void aStepDueWhileTheServerWasDownFiresAsSoonAsItIsBack() {
    try (TestServer server = TestServer.start("restart", TestDatabase.createAnother(), Map.of())) {
      Api api = server.api();
      EmergencyIT.Team team = EmergencyIT.team(api, 2, 8, 1);
      // Signed in before the stop (sessions and the signing key survive a restart), so reading
      // the timeline afterwards costs no sign-in.
      String director = team.directorToken(1);
      JsonObject launched = api.post("/api/emergencies", team.injectorToken(), LAUNCH).json();
      String id = launched.getString("id");
      Instant deadline =
          Instant.parse(launched.getJsonObject("escalation").getString("nextDeadline"));

      server.stop();
      Instant stopped = Instant.now();
      assertThat(stopped).as("stopped before the deadline").isBefore(deadline);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> Instant.now().isAfter(deadline.plusSeconds(1)));
      Instant restarting = Instant.now();
      server.start();
      Instant ready = Instant.now();

      var reply = api.get("/api/emergencies/" + id + "/timeline", director);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      List<JsonObject> timeline = reply.array().getValuesAs(JsonObject.class);
      // The second step's own 8 s may also have run out on a slow machine (then UNANSWERED
      // follows); what this test is about is when the second step fired.
      assertThat(timeline)
          .extracting(t -> t.getString("type"))
          .startsWith("LAUNCHED", "ALERTED", "ALERTED");
      Instant fired = Instant.parse(timeline.get(2).getString("at"));
      assertThat(fired).isAfter(restarting).isBefore(ready.plusSeconds(1));
    }
  }
}
