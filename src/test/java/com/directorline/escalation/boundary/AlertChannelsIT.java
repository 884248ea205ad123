package com.directorline.escalation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestMail;
import com.directorline.testing.WebhookReceiver;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.data.Offset;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Email and webhook alerts, received by a real SMTP server and a real HTTP receiver. */
@ExtendWith(ApiServer.class)
class AlertChannelsIT {

  private static final String SECRET = "whsec-" + "0123456789abcdef".repeat(3);
  private static final JsonObject LAUNCH =
      Json.createObjectBuilder()
          .add("complication", "VASCULAR_OCCLUSION")
          .add("patientRef", "MRN-PRIVATE-901")
          .add("patientInitials", "QZ")
          .add("note", "PRIVATE-NOTE dusky patch")
          .build();

  @Test
  void theDirectorIsEmailedWithoutPatientData(Api api) throws Exception {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    policy(api, clinic, clinic.userId(director));

    String id = api.post("/api/emergencies", injector, LAUNCH).json().getString("id");

    MimeMessage mail =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    Arrays.stream(TestMail.server().getReceivedMessages())
                        .filter(m -> GreenMailUtil.getBody(m).contains(id))
                        .findFirst()
                        .orElse(null),
                m -> m != null);
    String body = GreenMailUtil.getBody(mail);
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(director + "@clinic.test");
    assertThat(mail.getSubject())
        .contains(
            api.get("/api/clinics/" + clinic.id(), clinic.demoAdminToken())
                .json()
                .getString("name"));
    assertThat(mail.getSubject()).contains("vascular occlusion");
    assertThat(body).contains("/?emergency=" + id);
    assertThat(mail.getSubject() + body).doesNotContain("MRN-PRIVATE-901", "PRIVATE-NOTE", "QZ");
  }

  @Test
  void theWebhookIsSignedRetriedAfterA500AndEveryAttemptIsKept(Api api) throws Exception {
    // Answers the first attempt with 500, then 204.
    try (WebhookReceiver receiver =
        WebhookReceiver.answering("/hook", call -> call == 1 ? 500 : 204)) {
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      String injector = clinic.signIn(clinic.enrol("INJECTOR"));
      policy(api, clinic, clinic.userId(director));
      String url = receiver.url();
      Reply configured =
          api.send(
              "PUT",
              "/api/clinics/" + clinic.id() + "/webhook",
              clinic.demoAdminToken(),
              "application/json",
              Json.createObjectBuilder().add("url", url).add("secret", SECRET).build().toString(),
              Map.of());
      assertThat(configured.status()).isEqualTo(200);
      assertThat(configured.body()).doesNotContain(SECRET);
      assertThat(
              api.get("/api/clinics/" + clinic.id() + "/webhook", clinic.demoAdminToken()).body())
          .contains(url)
          .doesNotContain(SECRET);

      String id = api.post("/api/emergencies", injector, LAUNCH).json().getString("id");

      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() >= 2);
      List<WebhookReceiver.Received> received = receiver.received();
      for (WebhookReceiver.Received request : received) {
        String timestamp = request.header("X-DirectorLine-Timestamp");
        assertThat(request.header("X-DirectorLine-Signature"))
            .isEqualTo("v1=" + hmac(timestamp + "." + request.body()));
        assertThat(Long.parseLong(timestamp))
            .isCloseTo(Instant.now().getEpochSecond(), Offset.offset(60L));
        assertThat(request.body()).doesNotContain("MRN-PRIVATE-901", "PRIVATE-NOTE", "QZ");
      }
      assertThat(received.get(0).header("X-DirectorLine-Delivery"))
          .isEqualTo(received.get(1).header("X-DirectorLine-Delivery"));
      JsonObject payload = Json.createReader(new StringReader(received.get(1).body())).readObject();
      assertThat(payload.getString("type")).isEqualTo("emergency.alert");
      assertThat(payload.getJsonObject("emergency").getString("id")).isEqualTo(id);
      assertThat(payload.getJsonObject("director").getString("phone")).isEqualTo("+1 555 0142");

      List<JsonObject> attempts =
          Awaitility.await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  clinic::alertDeliveries,
                  list ->
                      list.stream().filter(d -> d.getString("channel").equals("WEBHOOK")).count()
                              >= 2
                          && list.stream().anyMatch(d -> d.getString("channel").equals("EMAIL")));
      assertThat(attempts.stream().filter(d -> d.getString("channel").equals("WEBHOOK")))
          .extracting(
              d ->
                  d.getInt("attempt") + " " + d.getString("outcome") + " " + d.getInt("statusCode"))
          .containsExactlyInAnyOrder("1 FAILED 500", "2 SENT 204");
      assertThat(attempts.stream().filter(d -> d.getString("channel").equals("EMAIL")))
          .extracting(d -> d.getString("outcome"))
          .containsExactly("SENT");
    }
  }

  /**
   * What an instance leaves when it dies between the alert's commit and its first attempts: the
   * owed row, written with the alert and never settled. Once its claim has run out, the server
   * makes the deliveries it owes (same delivery id, for the receiver to de-duplicate) and settles
   * the row.
   */
  @Test
  void deliveriesOwedByAnInstanceThatDiedAreMadeByTheServerThatFindsThem(Api api) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      String injector = clinic.signIn(clinic.enrol("INJECTOR"));
      policy(api, clinic, clinic.userId(director));
      assertThat(receiver.configureFor(api, clinic, SECRET).status()).isEqualTo(200);
      String id = api.post("/api/emergencies", injector, LAUNCH).json().getString("id");
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() == 1);
      long seq;
      try (Connection db = TestDatabase.get().connect()) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> owed(db, id) == 0);
        try (PreparedStatement alert =
            db.prepareStatement(
                "select seq from alert where emergency_id = ? and event = 'emergency.alert'")) {
          alert.setObject(1, UUID.fromString(id));
          try (ResultSet rows = alert.executeQuery()) {
            assertThat(rows.next()).isTrue();
            seq = rows.getLong(1);
          }
        }
        try (PreparedStatement left =
            db.prepareStatement(
                "insert into pending_delivery (id, alert_seq, channel, attempt, due_at)"
                    + " values (?, ?, null, 1, now() - interval '1 second')")) {
          left.setObject(1, UUID.randomUUID());
          left.setLong(2, seq);
          left.executeUpdate();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() == 2);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> owed(db, id) == 0);
      }
      assertThat(receiver.received())
          .extracting(WebhookReceiver.Received::deliveryId)
          .containsExactly("alert-" + seq, "alert-" + seq);
      List<JsonObject> attempts =
          Awaitility.await()
              .atMost(Duration.ofSeconds(10))
              .until(clinic::alertDeliveries, list -> list.size() == 4);
      assertThat(attempts)
          .extracting(d -> d.getString("channel") + " " + d.getString("outcome"))
          .containsExactlyInAnyOrder("WEBHOOK SENT", "WEBHOOK SENT", "EMAIL SENT", "EMAIL SENT");
    }
  }

  private static long owed(Connection db, String emergencyId) throws Exception {
    try (PreparedStatement count =
        db.prepareStatement(
            "select count(*) from pending_delivery p join alert a on a.seq = p.alert_seq"
                + " where a.emergency_id = ?")) {
      count.setObject(1, UUID.fromString(emergencyId));
      try (ResultSet rows = count.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /**
   * A webhook may not point inside: the server would POST alerts to itself, the metadata service or
   * the private network, and the delivery log would tell the admin what listens there. The test
   * server allows plain http and 127.0.0.1 only, for its own receiver.
   */
  @Test
  void aWebhookPointingInsideIsRefusedAndNothingIsStored(Api api) {
    Api.Clinic clinic = api.newClinic();
    for (String url :
        List.of(
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/hook",
            "https://127.0.0.2/hook",
            "https://10.0.0.1/hook",
            "https://[fd00::1]/hook",
            "https://[::ffff:127.0.0.2]/hook",
            "https://0x7f000001/hook",
            "https://2130706433/hook",
            "https://admin:pw@127.0.0.1/hook")) {
      Reply refused = setWebhook(api, clinic, clinic.demoAdminToken(), url);
      assertThat(refused.status()).as(url + " -> " + refused).isEqualTo(400);
      assertThat(refused.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .isEqualTo("url");
      assertThat(refused.body()).doesNotContain(url);
    }
    assertThat(
            api.get("/api/clinics/" + clinic.id() + "/webhook", clinic.demoAdminToken()).status())
        .isEqualTo(404);
  }

  /** Another clinic's admin can neither read nor redirect nor remove this clinic's webhook. */
  @Test
  void onlyTheClinicsOwnAdminsTouchItsWebhook(Api api) {
    Api.Clinic clinic = api.newClinic();
    Api.Clinic other = api.newClinic();
    String otherAdmin = other.signIn(other.enrol("ADMIN"));
    String mine = "http://127.0.0.1:9/ours";
    assertThat(setWebhook(api, clinic, clinic.demoAdminToken(), mine).status()).isEqualTo(200);

    Reply redirect = setWebhook(api, clinic, otherAdmin, "http://127.0.0.1:9/theirs");
    Reply read = api.get("/api/clinics/" + clinic.id() + "/webhook", otherAdmin);
    Reply remove =
        api.send(
            "DELETE", "/api/clinics/" + clinic.id() + "/webhook", otherAdmin, null, null, Map.of());

    for (Reply reply : List.of(redirect, read, remove)) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
    }
    assertThat(
            api.get("/api/clinics/" + clinic.id() + "/webhook", clinic.demoAdminToken())
                .json()
                .getString("url"))
        .isEqualTo(mine);
  }

  @Test
  void aTestAlertReachesTheReceiverSignedAndTheAdminLearnsHowItWent(Api api) throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.answering("/pager", call -> 204)) {
      Api.Clinic clinic = api.newClinic();
      String test = "/api/clinics/" + clinic.id() + "/webhook/test";
      Reply none = api.post(test, clinic.demoAdminToken(), null);
      assertThat(none.status()).as("no webhook yet").isEqualTo(404);

      assertThat(setWebhook(api, clinic, clinic.demoAdminToken(), receiver.url()).status())
          .isEqualTo(200);
      Reply sent = api.post(test, clinic.demoAdminToken(), null);
      assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
      assertThat(sent.json().getBoolean("delivered")).isTrue();
      assertThat(sent.json().getInt("statusCode")).isEqualTo(204);
      assertThat(receiver.received()).hasSize(1);
      WebhookReceiver.Received request = receiver.received().get(0);
      String timestamp = request.header("X-DirectorLine-Timestamp");
      assertThat(request.header("X-DirectorLine-Signature"))
          .isEqualTo("v1=" + hmac(timestamp + "." + request.body()));
      JsonObject payload = Json.createReader(new StringReader(request.body())).readObject();
      assertThat(payload.getString("type")).isEqualTo("test");
      assertThat(payload.getJsonObject("clinic").getString("id")).isEqualTo(clinic.id());
      assertThat(payload.containsKey("emergency")).isFalse();

      receiver.answer(503);
      Reply refused = api.post(test, clinic.demoAdminToken(), null);
      assertThat(refused.json().getBoolean("delivered")).isFalse();
      assertThat(refused.json().getInt("statusCode")).isEqualTo(503);
      receiver.close();
      Reply gone = api.post(test, clinic.demoAdminToken(), null);
      assertThat(gone.json().getBoolean("delivered")).isFalse();
      assertThat(gone.json().getString("problem")).isEqualTo("no answer");

      // Setting the webhook is in the trail, by host only.
      String officer = clinic.signIn(clinic.enrol("COMPLIANCE_OFFICER"));
      assertThat(
              api
                  .get("/api/audit/events?size=100", officer)
                  .json()
                  .getJsonArray("items")
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .filter(e -> e.getString("objectType").equals("WEBHOOK"))
                  .map(e -> e.getString("action") + " " + e.getString("detail", ""))
                  .toList())
          .containsExactly("CREATE alerts go to 127.0.0.1");

      // Only the clinic's own admins.
      String director = clinic.signIn(clinic.enrol("DIRECTOR"));
      assertThat(api.post(test, director, null).status()).isEqualTo(403);
      Api.Clinic other = api.newClinic();
      assertThat(api.post(test, other.signIn(other.enrol("ADMIN")), null).status()).isEqualTo(404);
    }
  }

  private static Reply setWebhook(Api api, Api.Clinic clinic, String token, String url) {
    return api.send(
        "PUT",
        "/api/clinics/" + clinic.id() + "/webhook",
        token,
        "application/json",
        Json.createObjectBuilder().add("url", url).add("secret", SECRET).build().toString(),
        Map.of());
  }

  private static void policy(Api api, Api.Clinic clinic, String directorId) {
    clinic.definePolicy(List.of(List.of(directorId)), 60, "Call 911.");
  }

  private static String hmac(String message) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
  }
}
