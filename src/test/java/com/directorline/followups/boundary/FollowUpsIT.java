package com.directorline.followups.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Flags;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
import com.directorline.testing.TestMail;
import com.directorline.testing.WebhookReceiver;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Follow-ups after an emergency: the protocol's scheduled at the end, more added by hand, the
 * consent-exception task in the same list; the assignee reminded on the console, by email and the
 * clinic's webhook when one falls due; an overdue one in the compliance flags.
 */
@ExtendWith(ApiServer.class)
class FollowUpsIT {

  private static List<JsonObject> list(Api api, String clinicId, String token, String status) {
    Reply reply =
        api.get(
            "/api/clinics/"
                + clinicId
                + "/follow-ups"
                + (status == null ? "" : "?status=" + status),
            token);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.array().getValuesAs(JsonObject.class);
  }

  @Test
  void theEndSchedulesTheProtocolsFollowUpsAndTheConsentTaskJoinsTheList(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    String injector = clinic.enrol("INJECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911");
    String directorToken = clinic.signIn(director);
    Reply protocol =
        api.post(
            "/api/clinics/" + clinic.id() + "/protocols",
            directorToken,
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("title", "Occlusion")
                .add(
                    "steps",
                    Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "Stop")))
                .add(
                    "followUps",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("afterHours", 24)
                                .add("text", "Call the patient"))
                        .add(
                            Json.createObjectBuilder()
                                .add("afterHours", 168)
                                .add("text", "See the patient")))
                .build());
    assertThat(protocol.status()).as(protocol.toString()).isEqualTo(201);
    assertThat(protocol.json().getJsonArray("followUps")).hasSize(2);
    String injectorToken = clinic.signIn(injector);
    String patient = "MRN-FU-" + System.nanoTime();
    String id =
        api.post(
                "/api/emergencies",
                injectorToken,
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", patient)
                    .build())
            .json()
            .getString("id");
    api.post(
        "/api/emergencies/" + id + "/consent-exception",
        injectorToken,
        Json.createObjectBuilder().add("reason", "unresponsive").build());
    api.post("/api/emergencies/" + id + "/accept", directorToken, null);
    Reply ended =
        api.post(
            "/api/emergencies/" + id + "/end",
            directorToken,
            Json.createObjectBuilder().add("outcome", "RESOLVED_ON_SITE").build());
    Instant endedAt = Instant.parse(ended.json().getString("endedAt"));

    List<JsonObject> open = list(api, clinic.id(), directorToken, null);
    assertThat(open)
        .extracting(
            f -> f.getString("source") + " " + f.getString("status") + " " + f.getString("what"))
        .containsExactly(
            "CONSENT_EXCEPTION DUE Tell the patient about the emergency exception and ask for their"
                + " consent.",
            "PROTOCOL SCHEDULED Call the patient",
            "PROTOCOL SCHEDULED See the patient");
    JsonObject call = open.get(1);
    assertThat(Instant.parse(call.getString("dueAt")))
        .isEqualTo(endedAt.plus(Duration.ofHours(24)));
    assertThat(call.getString("assigneeId")).isEqualTo(clinic.userId(injector));
    assertThat(call.getString("patientRef")).isEqualTo(patient);
    assertThat(list(api, clinic.id(), injectorToken, "scheduled")).hasSize(2);
    String stranger = clinic.signIn(clinic.enrol("INJECTOR"));
    assertThat(list(api, clinic.id(), stranger, "all")).as("not theirs").isEmpty();
    assertThat(
            api.get("/api/clinics/" + clinic.id() + "/follow-ups?status=soon", directorToken)
                .status())
        .isEqualTo(400);
    assertThat(
            api.get("/api/clinics/" + clinic.id() + "/follow-ups", clinic.demoAdminToken())
                .status())
        .as("admins manage the clinic, not its patients")
        .isEqualTo(403);

    // Who it may go to: the clinic's directors and injectors, by name, readable by them too.
    List<JsonObject> team =
        api.get("/api/clinics/" + clinic.id() + "/care-team", injectorToken)
            .array()
            .getValuesAs(JsonObject.class);
    assertThat(team)
        .extracting(m -> m.getString("id"))
        .contains(clinic.userId(director), clinic.userId(injector));
    assertThat(team.toString()).doesNotContain("@clinic.test");
    Api.Clinic elsewhere = api.newClinic();
    assertThat(
            api.get(
                    "/api/clinics/" + clinic.id() + "/care-team",
                    elsewhere.signIn(elsewhere.enrol("DIRECTOR")))
                .status())
        .isEqualTo(404);

    // Rescheduled, reassigned; done once, with the outcome; the consent task too.
    String path = "/api/follow-ups/" + call.getString("id");
    Reply badAssignee =
        api.send(
            "PATCH",
            path,
            directorToken,
            "application/json",
            Json.createObjectBuilder()
                .add("assigneeId", clinic.userId(clinic.enrol("ADMIN")))
                .build()
                .toString(),
            Map.of());
    assertThat(badAssignee.status()).isEqualTo(400);
    assertThat(
            api.send("PATCH", path, stranger, "application/json", "{\"what\":\"x\"}", Map.of())
                .status())
        .isEqualTo(403);
    Reply moved =
        api.send(
            "PATCH",
            path,
            directorToken,
            "application/json",
            Json.createObjectBuilder()
                .add("dueAt", endedAt.plus(Duration.ofHours(30)).toString())
                .add("assigneeId", clinic.userId(director))
                .build()
                .toString(),
            Map.of());
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    assertThat(moved.json().getString("assigneeName")).isEqualTo("Test DIRECTOR");
    // Photos before completing: the assignee or a director; the emergency's exception covers them.
    assertThat(
            api.upload(
                    path + "/photos",
                    stranger,
                    "image/png",
                    TestImages.pngWithMetadata(8, 8),
                    Map.of())
                .status())
        .as("an injector it is not assigned to")
        .isEqualTo(403);
    assertThat(
            api.upload(
                    "/api/follow-ups/" + open.get(0).getString("id") + "/photos",
                    directorToken,
                    "image/png",
                    TestImages.pngWithMetadata(8, 8),
                    Map.of())
                .json()
                .getString("type"))
        .endsWith(":consent-task");
    Reply photo =
        api.upload(
            path + "/photos",
            directorToken,
            "image/png",
            TestImages.pngWithMetadata(8, 8),
            Map.of("X-Caption", "day 1: colour back"));
    assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
    assertThat(photo.json().getString("followUpId")).isEqualTo(call.getString("id"));
    assertThat(photo.json().getString("emergencyId")).isEqualTo(id);
    assertThat(photo.json().getString("consentBasis")).isEqualTo("EMERGENCY_EXCEPTION");
    String photoId = photo.json().getString("id");
    assertThat(
            api.bytes("GET", "/api/photos/" + photoId, directorToken, null, null, Map.of())
                .statusCode())
        .isEqualTo(200);
    assertThat(
            api.get("/api/emergencies/" + id + "/photos", directorToken).array().stream()
                .map(JsonObject.class::cast)
                .filter(p -> p.getString("id").equals(photoId))
                .map(p -> p.getString("followUpId"))
                .toList())
        .as("one of the emergency's photos, naming its follow-up")
        .containsExactly(call.getString("id"));
    Reply done =
        api.post(
            path + "/complete",
            directorToken,
            Json.createObjectBuilder()
                .add("outcome", "Spoke to the patient: colour normal.")
                .build());
    assertThat(done.status()).as(done.toString()).isEqualTo(200);
    assertThat(done.json().getString("status")).isEqualTo("DONE");
    assertThat(done.json().getJsonArray("photoIds").getString(0)).isEqualTo(photoId);
    assertThat(
            api.upload(
                    path + "/photos",
                    directorToken,
                    "image/png",
                    TestImages.pngWithMetadata(8, 8),
                    Map.of())
                .json()
                .getString("type"))
        .as("a completed follow-up's photos are final")
        .endsWith(":follow-up-done");
    assertThat(
            api.post(
                    path + "/complete",
                    directorToken,
                    Json.createObjectBuilder().add("outcome", "again").build())
                .status())
        .isEqualTo(409);
    assertThat(
            api.post(
                    "/api/follow-ups/" + open.get(0).getString("id") + "/complete",
                    stranger,
                    Json.createObjectBuilder().add("outcome", "told").build())
                .status())
        .as("an injector who took no part")
        .isEqualTo(403);
    assertThat(
            api.send(
                    "PATCH",
                    "/api/follow-ups/" + open.get(0).getString("id"),
                    directorToken,
                    "application/json",
                    "{\"dueAt\":\"" + endedAt.plusSeconds(60) + "\"}",
                    Map.of())
                .status())
        .as("consent's task is completed, not moved")
        .isEqualTo(409);
    Reply informed =
        api.post(
            "/api/follow-ups/" + open.get(0).getString("id") + "/complete",
            injectorToken,
            Json.createObjectBuilder().add("outcome", "Patient informed, consent given").build());
    assertThat(informed.status()).as(informed.toString()).isEqualTo(200);
    assertThat(list(api, clinic.id(), directorToken, "done"))
        .extracting(f -> f.getString("source"))
        .containsExactlyInAnyOrder("PROTOCOL", "CONSENT_EXCEPTION");
  }

  @Test
  void aDueFollowUpRemindsItsAssigneeAndAnOverdueOneIsFlagged(Api api) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      // Enrolled now: the demo admin's session idles out (10 s in tests) while reminders wait.
      String officerName = clinic.enrol("COMPLIANCE_OFFICER");
      clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911");
      receiver.configureFor(api, clinic, "a-webhook-secret-of-enough-length");
      String injector = clinic.signIn(clinic.enrol("INJECTOR"));
      String patient = "MRN-FUR-" + System.nanoTime();
      String id =
          api.post(
                  "/api/emergencies",
                  injector,
                  Json.createObjectBuilder()
                      .add("complication", "BURN")
                      .add("patientRef", patient)
                      .build())
              .json()
              .getString("id");
      String directorToken = clinic.signIn(director);
      try (SseStream console = SseStream.open(api.baseUrl(), directorToken, null)) {
        Reply added =
            api.post(
                "/api/emergencies/" + id + "/follow-ups",
                directorToken,
                Json.createObjectBuilder()
                    .add("what", "Call " + patient + " about the blister")
                    .add("dueAt", Instant.now().plusSeconds(2).toString())
                    .build());
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().getString("status")).isEqualTo("SCHEDULED");
        String followUp = added.json().getString("id");

        SseStream.Event reminder =
            console.await(e -> e.name().equals("follow-up.due"), Duration.ofSeconds(20));
        assertThat(reminder.json().getString("followUpId")).isEqualTo(followUp);
        assertThat(reminder.json().getBoolean("overdue")).isFalse();
        MimeMessage mail =
            Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(
                    () ->
                        Arrays.stream(TestMail.server().getReceivedMessages())
                            .filter(m -> GreenMailUtil.getBody(m).contains(followUp))
                            .findFirst()
                            .orElse(null),
                    m -> m != null);
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(director + "@clinic.test");
        assertThat(mail.getSubject()).startsWith("Follow-up due at ");
        assertThat(mail.getSubject() + GreenMailUtil.getBody(mail))
            .as("no patient in an email")
            .doesNotContain(patient, "blister");
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> receiver.received().stream().anyMatch(h -> h.body().contains(followUp)));
        assertThat(receiver.received()).allMatch(h -> !h.body().contains(patient));

        // Past the grace (8 s in tests): recorded in the trail, flagged for the officer. The
        // console's session idles out meanwhile (10 s in tests): a new console gets the overdue
        // reminder from where the first left off.
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    list(api, clinic.id(), clinic.signIn(director), "overdue").stream()
                        .anyMatch(f -> f.getString("id").equals(followUp)));
        try (SseStream again =
            SseStream.open(api.baseUrl(), clinic.signIn(director), reminder.id())) {
          SseStream.Event overdue =
              again.await(
                  e -> e.name().equals("follow-up.due") && e.json().getBoolean("overdue"),
                  Duration.ofSeconds(20));
          assertThat(overdue.json().getString("followUpId")).isEqualTo(followUp);
        }
        String officer = clinic.signIn(officerName);
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    Flags.items(
                            api.get(
                                "/api/audit/flags?kind=FOLLOW_UP_OVERDUE&from="
                                    + Instant.now().minusSeconds(120),
                                officer))
                        .size(),
                n -> n == 1);
        Reply flags =
            api.get(
                "/api/audit/flags?kind=FOLLOW_UP_OVERDUE&from=" + Instant.now().minusSeconds(120),
                officer);
        assertThat(Flags.items(flags))
            .singleElement()
            .satisfies(
                f ->
                    assertThat(f.getJsonObject("event").getString("patientRef"))
                        .isEqualTo(patient));
      }
    }
  }
}
