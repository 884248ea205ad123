package com.directorline.emergencies.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ApiServer.class)
class EmergencyIT {

  private static final String TRANSFER_PLAN = "Call 911; nearest ED: Test General, 2 minutes away.";
  private static final JsonObject LAUNCH =
      Json.createObjectBuilder()
          .add("complication", "VASCULAR_OCCLUSION")
          .add("patientRef", "MRN-77001")
          .add("patientInitials", "JD")
          .add("note", "blanching and livedo, left nasolabial fold")
          .build();

  /** A clinic with an injector and directors, one per escalation step. */
  record Team(
      Api api,
      Api.Clinic clinic,
      String injector,
      List<String> directors,
      List<String> directorIds) {

    String injectorToken() {
      return clinic.signIn(injector);
    }

    String directorToken(int index) {
      return clinic.signIn(directors.get(index));
    }

    Reply launch(String token, JsonObject body, Map<String, String> headers) {
      return api.send(
          "POST", "/api/emergencies", token, "application/json", body.toString(), headers);
    }
  }

  static Team team(Api api, int steps, int timeoutSeconds, int directorsPerStep) {
    Api.Clinic clinic = api.newClinic();
    String injector = clinic.enrol("INJECTOR");
    List<String> directors = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    List<List<String>> plan = new ArrayList<>();
    for (int s = 0; s < steps; s++) {
      List<String> stepIds = new ArrayList<>();
      for (int d = 0; d < directorsPerStep; d++) {
        String director = clinic.enrol("DIRECTOR");
        directors.add(director);
        stepIds.add(clinic.userId(director));
      }
      ids.addAll(stepIds);
      plan.add(stepIds);
    }
    clinic.definePolicy(plan, timeoutSeconds, TRANSFER_PLAN);
    return new Team(api, clinic, injector, directors, ids);
  }

  private static Reply addPhoto(Api api, String emergency, String token) {
    return api.upload(
        "/api/emergencies/" + emergency + "/photos",
        token,
        "image/png",
        TestImages.pngWithMetadata(8, 8),
        Map.of());
  }

  private static Reply declareException(Api api, String emergency, String token) {
    return api.post(
        "/api/emergencies/" + emergency + "/consent-exception",
        token,
        Json.createObjectBuilder().add("reason", "the patient cannot consent now").build());
  }

  /** No value: left out of the answer, or null. */
  private static boolean absent(JsonObject object, String name) {
    return !object.containsKey(name) || object.isNull(name);
  }

  private static JsonObject get(Api api, String id, String token) {
    Reply reply = api.get("/api/emergencies/" + id, token);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /**
   * Alert first: the complication alone launches and alerts; the patient's reference, initials and
   * a note follow while waiting, and everything recorded before the patient was named (the launch,
   * the director's read) is found under that patient afterwards.
   */
  @Test
  void theAlertGoesOutWithTheComplicationAloneAndThePatientFollows(Api api) {
    Team team = team(api, 1, 60, 1);
    String director = team.directorToken(0);
    String injector = team.injectorToken();
    String officer = team.clinic().signIn(team.clinic().enrol("COMPLIANCE_OFFICER"));
    String patient = "MRN-AF-" + System.nanoTime();

    try (SseStream console = SseStream.open(api.baseUrl(), director, null)) {
      Reply launched =
          team.launch(
              injector,
              Json.createObjectBuilder().add("complication", "VASCULAR_OCCLUSION").build(),
              Map.of());
      assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
      String id = launched.json().getString("id");
      assertThat(absent(launched.json(), "patientRef")).isTrue();
      assertThat(absent(launched.json(), "patientInitials")).isTrue();
      console.await(
          e -> "emergency.alert".equals(e.name()) && e.data().contains(id), Duration.ofSeconds(5));

      // The director reads it before anyone named the patient.
      assertThat(absent(get(api, id, director), "patientRef")).isTrue();

      // Consent and photos wait for the patient's reference.
      Reply photo = addPhoto(api, id, injector);
      assertThat(photo.status()).as(photo.toString()).isEqualTo(409);
      assertThat(photo.json().getString("type")).endsWith("patient-reference-needed");
      Reply exception = declareException(api, id, injector);
      assertThat(exception.status()).as(exception.toString()).isEqualTo(409);

      // Only the launching injector adds details, through a strict body.
      String path = "/api/emergencies/" + id;
      String merge = "application/merge-patch+json";
      assertThat(
              api.send("PATCH", path, director, merge, "{\"patientRef\":\"X\"}", Map.of()).status())
          .isEqualTo(403);
      for (String bad :
          List.of(
              "{\"patientRef\":5}",
              "{\"patientRef\":\"   \"}",
              "{\"patientInitials\":\"12\"}",
              "{\"ward\":\"B\"}",
              "{}",
              "{\"note\":\"" + "x".repeat(2001) + "\"}")) {
        Reply refused = api.send("PATCH", path, injector, merge, bad, Map.of());
        assertThat(refused.status()).as(bad + " -> " + refused).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
      }
      assertThat(absent(get(api, id, director), "patientRef")).as("nothing written").isTrue();

      Reply added =
          api.send(
              "PATCH",
              path,
              injector,
              merge,
              Json.createObjectBuilder()
                  .add("patientRef", patient)
                  .add("patientInitials", "VB")
                  .add("note", "Possible VO. Need help now.")
                  .build()
                  .toString(),
              Map.of());
      assertThat(added.status()).as(added.toString()).isEqualTo(200);
      assertThat(added.json().getString("patientRef")).isEqualTo(patient);
      assertThat(added.json().getString("note")).isEqualTo("Possible VO. Need help now.");
      SseStream.Event updated =
          console.await(
              e -> "emergency.updated".equals(e.name()) && e.data().contains(id),
              Duration.ofSeconds(5));
      assertThat(updated.data()).as("no patient data on the stream").doesNotContain(patient, "VO");

      Reply again =
          api.send("PATCH", path, injector, merge, "{\"patientRef\":\"MRN-OTHER\"}", Map.of());
      assertThat(again.status()).isEqualTo(409);
      assertThat(again.json().getString("type")).endsWith("patient-reference-set");
      assertThat(
              api.get("/api/emergencies/" + id + "/timeline", director).array().stream()
                  .map(t -> t.asJsonObject().getString("type")))
          .contains("DETAILS");

      // Now the exception is declared and photos are taken.
      assertThat(declareException(api, id, injector).status()).isEqualTo(200);
      assertThat(addPhoto(api, id, injector).status()).isEqualTo(201);

      // The launch and the director's read, recorded before the patient was named, are the
      // patient's now: in the search and in the access report.
      List<JsonObject> events =
          api.post(
                  "/api/audit/events/search",
                  officer,
                  Json.createObjectBuilder().add("patientRef", patient).add("size", 100).build())
              .json()
              .getJsonArray("items")
              .getValuesAs(JsonObject.class);
      assertThat(events)
          .anySatisfy(
              e -> {
                assertThat(e.getString("action")).isEqualTo("CREATE");
                assertThat(e.getString("objectId", "")).isEqualTo(id);
                assertThat(absent(e, "patientRef")).as("recorded before the patient").isTrue();
              });
      String directorName = team.directors().get(0);
      Reply report =
          api.post(
              "/api/audit/patients/access-report",
              officer,
              Json.createObjectBuilder().add("patientRef", patient).build());
      assertThat(
              report.json().getJsonArray("people").stream()
                  .map(p -> p.asJsonObject().getString("username")))
          .contains(team.injector(), directorName);
    }
  }

  @Test
  void escalatesOnTimeThroughThreeStepsWithADeclineAndEndsUnanswered(Api api) {
    Team team = team(api, 3, 2, 1);
    Reply launched = team.launch(team.injectorToken(), LAUNCH, Map.of());
    assertThat(launched.status()).isEqualTo(201);
    String id = launched.json().getString("id");
    assertThat(launched.header("Location")).endsWith("/api/emergencies/" + id);
    assertThat(launched.json().getJsonObject("escalation").getInt("step")).isEqualTo(1);

    Reply declined = api.post("/api/emergencies/" + id + "/decline", team.directorToken(0), null);
    assertThat(declined.json().getJsonObject("escalation").getInt("step")).isEqualTo(2);

    String director = team.directorToken(1);
    JsonObject unanswered =
        Awaitility.await()
            .atMost(Duration.ofSeconds(15))
            .pollInterval(Duration.ofMillis(200))
            .until(() -> get(api, id, director), e -> e.getString("status").equals("UNANSWERED"));

    assertThat(unanswered.getString("transferPlan")).isEqualTo(TRANSFER_PLAN);
    assertThat(unanswered.getJsonObject("escalation").getJsonArray("alerted")).hasSize(3);
    List<JsonObject> timeline =
        api.get("/api/emergencies/" + id + "/timeline", director)
            .array()
            .getValuesAs(JsonObject.class);
    assertThat(timeline)
        .extracting(t -> t.getString("type"))
        .containsExactly("LAUNCHED", "ALERTED", "DECLINED", "ALERTED", "ALERTED", "UNANSWERED");
    Instant step2 = Instant.parse(timeline.get(3).getString("at"));
    Instant step3 = Instant.parse(timeline.get(4).getString("at"));
    Instant end = Instant.parse(timeline.get(5).getString("at"));
    // Each step waits its 2 seconds, and the next fires soon after the deadline.
    assertThat(Duration.between(step2, step3))
        .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(Duration.between(step3, end))
        .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(timeline.get(2).getString("actor")).isNotBlank();
  }

  @Test
  void theFirstAcceptWinsAndTheSecondLearnsWhoTookIt(Api api) {
    Team team = team(api, 1, 60, 2);
    String id = team.launch(team.injectorToken(), LAUNCH, Map.of()).json().getString("id");
    String first = team.directorToken(0);
    String second = team.directorToken(1);

    var a =
        CompletableFuture.supplyAsync(
            () -> api.post("/api/emergencies/" + id + "/accept", first, null));
    var b =
        CompletableFuture.supplyAsync(
            () -> api.post("/api/emergencies/" + id + "/accept", second, null));
    List<Reply> replies = List.of(a.join(), b.join());

    assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
    Reply lost = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
    Reply won = replies.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
    String winner = won.json().getJsonObject("director").getString("displayName");
    assertThat(lost.json().getString("detail")).startsWith(winner).contains("already accepted");
    assertThat(lost.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aDoubleTappedLaunchWithOneIdempotencyKeyIsOneEmergency(Api api) {
    Team team = team(api, 1, 60, 1);
    String token = team.injectorToken();
    Map<String, String> key = Map.of("Idempotency-Key", "tap-" + UUID.randomUUID());

    var a = CompletableFuture.supplyAsync(() -> team.launch(token, LAUNCH, key));
    var b = CompletableFuture.supplyAsync(() -> team.launch(token, LAUNCH, key));
    Reply first = a.join();
    Reply second = b.join();

    assertThat(first.status()).isEqualTo(201);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(api.get("/api/emergencies", token).array()).hasSize(1);
  }

  @Test
  void participantsGetJitsiTokensForTheirRoomOnlyWhileTheCallIsOpen(Api api) throws Exception {
    Team team = team(api, 1, 60, 2);
    String injector = team.injectorToken();
    String director = team.directorToken(0);
    String bystander = team.directorToken(1);
    String id = team.launch(injector, LAUNCH, Map.of()).json().getString("id");

    assertThat(api.post("/api/emergencies/" + id + "/video-grant", injector, null).status())
        .isEqualTo(409);
    api.post("/api/emergencies/" + id + "/accept", director, null);
    Reply injectorGrant = api.post("/api/emergencies/" + id + "/video-grant", injector, null);
    Reply directorGrant = api.post("/api/emergencies/" + id + "/video-grant", director, null);

    assertThat(injectorGrant.status()).isEqualTo(200);
    JsonObject grant = directorGrant.json();
    assertThat(grant.getString("domain")).isEqualTo("meet.test.invalid");
    assertThat(grant.getString("room")).matches("[a-z0-9]{34}");
    assertThat(injectorGrant.json().getString("room")).isEqualTo(grant.getString("room"));
    assertJitsiToken(grant, "true");
    assertJitsiToken(injectorGrant.json(), "false");

    assertThat(api.post("/api/emergencies/" + id + "/video-grant", bystander, null).status())
        .isEqualTo(403);
    Api.Clinic other = api.newClinic();
    String stranger = other.signIn(other.enrol("DIRECTOR"));
    assertThat(api.post("/api/emergencies/" + id + "/video-grant", stranger, null).status())
        .isEqualTo(404);

    api.post(
        "/api/emergencies/" + id + "/end",
        director,
        Json.createObjectBuilder()
            .add("outcome", "RESOLVED_ON_SITE")
            .add("summary", "reassessed")
            .build());
    assertThat(api.post("/api/emergencies/" + id + "/video-grant", injector, null).status())
        .isEqualTo(409);
  }

  private static void assertJitsiToken(JsonObject grant, String moderator) throws Exception {
    SignedJWT jwt = SignedJWT.parse(grant.getString("jwt"));
    assertThat(jwt.verify(new MACVerifier(ApiServer.JITSI_SECRET.getBytes(StandardCharsets.UTF_8))))
        .isTrue();
    assertThat(jwt.getHeader().getType().toString()).isEqualTo("JWT");
    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("HS256");
    var claims = jwt.getJWTClaimsSet();
    String payload = jwt.getPayload().toJSONObject().toString();
    assertThat(claims.getIssuer()).isEqualTo("directorline");
    assertThat(jwt.getPayload().toJSONObject().get("aud")).isEqualTo("jitsi");
    assertThat(claims.getSubject()).isEqualTo("meet.jitsi");
    assertThat(claims.getStringClaim("room")).isEqualTo(grant.getString("room"));
    Instant now = Instant.now();
    assertThat(claims.getNotBeforeTime().toInstant())
        .isBetween(now.minusSeconds(60), now.minusSeconds(20));
    assertThat(claims.getExpirationTime().toInstant())
        .isBetween(now.plusSeconds(7000), now.plusSeconds(7300));
    assertThat(claims.getExpirationTime().toInstant().getEpochSecond())
        .isEqualTo(Instant.parse(grant.getString("expiresAt")).getEpochSecond());
    Map<String, Object> context = claims.getJSONObjectClaim("context");
    @SuppressWarnings("unchecked")
    Map<String, Object> user = (Map<String, Object>) context.get("user");
    @SuppressWarnings("unchecked")
    Map<String, Object> features = (Map<String, Object>) context.get("features");
    assertThat(user.get("moderator")).isEqualTo(moderator);
    assertThat(user.values()).allMatch(v -> v instanceof String);
    assertThat(features)
        .containsEntry("recording", "false")
        .containsEntry("livestreaming", "false")
        .containsEntry("transcription", "false")
        .containsEntry("outbound-call", "false");
    assertThat(payload).doesNotContain("MRN-77001", "JD\"", "nasolabial");
  }

  @Test
  void theDirectorsConsoleGetsTheAlertAtOnceAndResumesWithLastEventId(Api api) {
    Team team = team(api, 1, 60, 1);
    String director = team.directorToken(0);
    String injector = team.injectorToken();

    String alertId;
    String emergency;
    try (SseStream console = SseStream.open(api.baseUrl(), director, null)) {
      assertThat(console.status()).isEqualTo(200);
      emergency = team.launch(injector, LAUNCH, Map.of()).json().getString("id");
      SseStream.Event alert =
          console.await(e -> "emergency.alert".equals(e.name()), Duration.ofSeconds(5));
      alertId = alert.id();
      assertThat(alert.json().getString("emergencyId")).isEqualTo(emergency);
      assertThat(alert.json().getString("complication")).isEqualTo("VASCULAR_OCCLUSION");
      assertThat(alert.data()).doesNotContain("MRN-77001", "nasolabial");
    }

    api.post("/api/emergencies/" + emergency + "/cancel", injector, null);

    try (SseStream resumed = SseStream.open(api.baseUrl(), director, alertId)) {
      SseStream.Event missed =
          resumed.await(e -> "emergency.cancelled".equals(e.name()), Duration.ofSeconds(5));
      assertThat(missed.json().getString("emergencyId")).isEqualTo(emergency);
      assertThat(Long.parseLong(missed.id())).isGreaterThan(Long.parseLong(alertId));
      assertThat(resumed.events()).extracting(SseStream.Event::id).doesNotContain(alertId);
    }
  }

  @Test
  void signingOutClosesTheConsoleStream(Api api) {
    Team team = team(api, 1, 60, 1);
    String director = team.directorToken(0);

    try (SseStream console = SseStream.open(api.baseUrl(), director, null)) {
      assertThat(console.status()).isEqualTo(200);
      assertThat(api.post("/api/auth/logout", director, null).status()).isEqualTo(204);

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(console::ended);
    }
    try (SseStream again = SseStream.open(api.baseUrl(), director, null)) {
      assertThat(again.status()).isEqualTo(401);
    }
  }

  @Test
  void theLaunchAnswerShowsThePlanInEffect(Api api) {
    Team team = team(api, 2, 45, 1);

    JsonObject escalation =
        team.launch(team.injectorToken(), LAUNCH, Map.of()).json().getJsonObject("escalation");

    var plan = escalation.getJsonArray("plan").getValuesAs(JsonObject.class);
    assertThat(plan).hasSize(2);
    assertThat(plan.get(1).getInt("step")).isEqualTo(2);
    assertThat(plan.get(1).getInt("timeoutSeconds")).isEqualTo(45);
    assertThat(plan.get(1).getJsonArray("directors").getJsonObject(0).getString("id"))
        .isEqualTo(team.directorIds().get(1));
  }

  @Test
  void anotherClinicsDirectorNeitherSeesNorHearsTheEmergency(Api api) {
    Team team = team(api, 1, 60, 1);
    Team other = team(api, 1, 60, 1);
    String stranger = other.directorToken(0);

    try (SseStream console = SseStream.open(api.baseUrl(), stranger, null);
        SseStream own = SseStream.open(api.baseUrl(), team.directorToken(0), null)) {
      assertThat(console.status()).isEqualTo(200);
      String id = team.launch(team.injectorToken(), LAUNCH, Map.of()).json().getString("id");
      assertThat(api.get("/api/emergencies/" + id, stranger).status()).isEqualTo(404);
      assertThat(api.post("/api/emergencies/" + id + "/accept", stranger, null).status())
          .isEqualTo(404);
      assertThat(api.get("/api/emergencies", stranger).array()).isEmpty();

      // A barrier on the stranger's own stream: once the clinic's director has heard this
      // alert, an alert of the stranger's own clinic is launched; a stream delivers in order, so
      // when that one arrives anything about the first emergency would have arrived before it.
      own.await(
          e -> "emergency.alert".equals(e.name()) && e.data().contains(id), Duration.ofSeconds(5));
      String theirs = other.launch(other.injectorToken(), LAUNCH, Map.of()).json().getString("id");
      console.await(
          e -> "emergency.alert".equals(e.name()) && e.data().contains(theirs),
          Duration.ofSeconds(5));
      assertThat(console.events()).noneMatch(e -> e.data().contains(id));
    }
  }

  @Test
  void drillsAreListedApartAndIllegalTransitionsAreConflicts(Api api) {
    Team team = team(api, 1, 60, 1);
    String injector = team.injectorToken();
    JsonObject drill = Json.createObjectBuilder(LAUNCH).add("drill", true).build();
    String drillId = team.launch(injector, drill, Map.of()).json().getString("id");
    String realId = team.launch(injector, LAUNCH, Map.of()).json().getString("id");
    String director = team.directorToken(0);

    assertThat(api.get("/api/emergencies", director).array())
        .extracting(v -> v.asJsonObject().getString("id"))
        .containsExactly(realId);
    assertThat(api.get("/api/emergencies?drill=true", director).array())
        .extracting(v -> v.asJsonObject().getString("id"))
        .containsExactly(drillId);

    api.post("/api/emergencies/" + realId + "/accept", director, null);
    Reply cancel = api.post("/api/emergencies/" + realId + "/cancel", injector, null);
    assertThat(cancel.status()).isEqualTo(409);
    assertThat(cancel.json().getString("detail")).contains("ACCEPTED");
    Reply join =
        api.post(
            "/api/emergencies/" + realId + "/participant-events",
            director,
            Json.createObjectBuilder().add("type", "JOINED").build());
    assertThat(join.json().getString("status")).isEqualTo("CONNECTED");

    String metrics = api.metrics("?scope=application").body();
    assertThat(metrics.lines())
        .anyMatch(l -> l.contains("emergency_time_to_accept_ms") && l.contains("drill=\"false\""))
        .anyMatch(l -> l.contains("emergency_time_to_connect_ms"))
        .anyMatch(l -> l.contains("emergencies_launched") && l.contains("drill=\"true\""));
    // Public output names no clinic, and quantiles and mean share one unit.
    assertThat(metrics).doesNotContain(team.clinic().id()).doesNotContain("clinic=");
    double mean = sample(metrics, "emergency_time_to_accept_ms_mean");
    double max = sample(metrics, "emergency_time_to_accept_ms_max");
    assertThat(mean).isPositive().isLessThanOrEqualTo(max);
    assertThat(metrics.lines().filter(l -> l.startsWith("emergency_time_to_accept_ms{")))
        .allSatisfy(
            l ->
                assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .isLessThanOrEqualTo(max));
  }

  /** The largest value of a Prometheus sample over all its tags. */
  private static double sample(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .max()
        .orElseThrow(() -> new AssertionError(name + " not in /metrics"));
  }

  @Test
  void launchingNeedsAPolicyAndValidInput(Api api) {
    Api.Clinic clinic = api.newClinic();
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));

    Reply noPolicy = api.post("/api/emergencies", injector, LAUNCH);
    Reply bad =
        api.post(
            "/api/emergencies",
            injector,
            Json.createObjectBuilder()
                .add("complication", "HICCUPS")
                .add("note", "x".repeat(2001))
                .build());

    assertThat(noPolicy.status()).isEqualTo(409);
    assertThat(noPolicy.json().getString("type"))
        .isEqualTo("urn:directorline:problem:no-escalation-policy");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().getJsonArray("violations").getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("field"))
        .contains("complication");
  }
}
