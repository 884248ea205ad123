package com.directorline.emergencies.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.SseStream;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Deadlines live in the database: a step due while the server was down fires once it is back, and
 * two instances on one database fire each step exactly once and share their alerts. Each test has a
 * database of its own, so no other server's ticker can do the work.
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

  @Test
  void twoInstancesOnOneDatabaseFireEachStepOnceAndShareAlerts() throws Exception {
    TestDatabase database = TestDatabase.createAnother();
    // Instances sharing a database share the token signing key (docs/operations.md). Their polls
    // of the alert table are set to ten minutes: alerts reach the other instance's consoles
    // within this test only through PostgreSQL's notices (AlertNotices).
    Map<String, String> sharedKey =
        Map.of(
            "DIRECTORLINE_TOKEN_PRIVATE_KEY",
            TestServer.tokenPrivateKeyPem(),
            "DIRECTORLINE_ALERTS_POLL_MILLIS",
            "600000");
    try (TestServer first = TestServer.start("instance-a", database, sharedKey);
        TestServer second = TestServer.start("instance-b", database, sharedKey)) {
      Api a = first.api();
      Api b = second.api();
      EmergencyIT.Team team = EmergencyIT.team(a, 3, 1, 1);

      String id;
      try (SseStream onB = SseStream.open(second.baseUrl(), team.directorToken(0), null)) {
        id = a.post("/api/emergencies", team.injectorToken(), LAUNCH).json().getString("id");
        String launchedOnA = id;
        SseStream.Event alert =
            onB.await(
                e -> "emergency.alert".equals(e.name()) && e.data().contains(launchedOnA),
                Duration.ofSeconds(5));
        assertThat(alert.json().getString("emergencyId")).isEqualTo(id);
      }

      String director = team.directorToken(2);
      String emergency = id;
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  b.get("/api/emergencies/" + emergency, director)
                      .json()
                      .getString("status")
                      .equals("UNANSWERED"));

      assertThat(
              b.get("/api/emergencies/" + id + "/timeline", director)
                  .array()
                  .getValuesAs(JsonObject.class))
          .extracting(t -> t.getString("type"))
          .containsExactly("LAUNCHED", "ALERTED", "ALERTED", "ALERTED", "UNANSWERED");
      assertThat(alertsByEvent(database, id))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("emergency.alert", 3, "emergency.unanswered", 3));
    }
  }

  private static Map<String, Integer> alertsByEvent(TestDatabase database, String emergencyId)
      throws Exception {
    Map<String, Integer> counts = new HashMap<>();
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "select event, count(*) from alert where emergency_id = ? group by event")) {
      query.setObject(1, UUID.fromString(emergencyId));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }
}
