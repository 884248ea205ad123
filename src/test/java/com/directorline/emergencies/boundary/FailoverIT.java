package com.directorline.emergencies.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.chain.control.CheckpointKeys;
import com.directorline.photos.control.Envelope;
import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.Browser;
import com.directorline.testing.HaProxy;
import com.directorline.testing.ReconnectingConsole;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import com.directorline.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two instances on one PostgreSQL database behind HAProxy run on docker/haproxy.cfg, as compose
 * deploys them (issue 17). First, alerts launched on one instance reach a console on the other
 * through PostgreSQL's notices alone (both instances' polls are set to ten minutes): p50/p99 over
 * 120 alerts, printed for docs/performance.md. Then one instance is killed with {@code kill -9}
 * while consoles are open through the proxy, an emergency is escalating, a photo is uploading and
 * webhook deliveries are failing: every console gets every alert, the escalation fires on time on
 * the survivor, each of two uploads either completed or left nothing, every webhook delivery is
 * made, and the injector's page, open on a phone through the proxy, follows the emergency to its
 * end unreloaded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverIT {

  private static TestDatabase database;
  private static TestServer a;
  private static TestServer b;
  private static HaProxy proxy;

  @BeforeAll
  static void start() {
    database = TestDatabase.createAnother();
    // What instances on one database must share (docs/operations.md, "Several instances").
    Map<String, String> shared =
        Map.ofEntries(
            // The test's webhook receiver listens on plain http at 127.0.0.1.
            Map.entry("DIRECTORLINE_WEBHOOKS_ALLOW_HTTP", "true"),
            Map.entry("DIRECTORLINE_WEBHOOKS_INTERNAL_ADDRESSES", "127.0.0.1"),
            Map.entry("DIRECTORLINE_TOKEN_PRIVATE_KEY", TestServer.tokenPrivateKeyPem()),
            Map.entry(
                "DIRECTORLINE_PHOTOS_MASTER_KEYSET",
                Envelope.serializeMaster(Envelope.newMasterKeyset())),
            Map.entry(
                "DIRECTORLINE_AUDIT_SIGNING_KEYSET",
                CheckpointKeys.serializePrivate(CheckpointKeys.generate())),
            // Alerts reach the other instance by its notice only: no poll within this test.
            Map.entry("DIRECTORLINE_ALERTS_POLL_MILLIS", "600000"),
            // Owed deliveries looked for often, and a dead instance's claim short, so the test
            // sees them made within seconds (production: 500 ms and 30 s).
            Map.entry("DIRECTORLINE_ALERTS_OUTBOX_POLL_MILLIS", "200"),
            Map.entry("DIRECTORLINE_ALERTS_CLAIM_SECONDS", "3"));
    a = TestServer.start("failover-a", database, shared);
    b = TestServer.start("failover-b", database, shared);
    proxy = HaProxy.inFrontOf(a, b);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable closeable : new AutoCloseable[] {proxy, a, b}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // closing the rest matters more
      }
    }
  }

  @Test
  @Order(1)
  void alertsLaunchedOnOneInstanceReachAConsoleOnTheOtherByItsNotice() {
    Api onA = a.api();
    Api.Clinic clinic = onA.newClinic();
    String director = clinic.enrol("DIRECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911.");
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    List<Long> nanos = new ArrayList<>();
    try (SseStream onB = SseStream.open(b.baseUrl(), clinic.signIn(director), null)) {
      for (int i = 0; i < 120; i++) {
        int seen = onB.count();
        long sent = System.nanoTime();
        String id = onA.launchAsThePhone(injector).json().getString("id");
        SseStream.Event alert =
            onB.await(
                e -> "emergency.alert".equals(e.name()) && e.data().contains(id),
                Duration.ofSeconds(5));
        long arrived =
            onB.timed(seen).stream()
                .filter(t -> t.event().equals(alert))
                .findFirst()
                .orElseThrow()
                .arrivedNanos();
        nanos.add(arrived - sent);
      }
    }
    Collections.sort(nanos);
    // Reported, not asserted: a timed assertion would fail on a loaded CI machine and prove
    // nothing; CrossInstanceAlertBenchmark measures it as production runs.
    System.out.printf(
        "CROSS-INSTANCE ALERTS (FailoverIT, test JVM flags, %d alerts from the launch request):"
            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        nanos.size(),
        nanos.get(nanos.size() / 2) / 1e6,
        nanos.get((int) Math.ceil(0.99 * nanos.size()) - 1) / 1e6,
        nanos.get(nanos.size() - 1) / 1e6);
  }

  @Test
  @Order(2)
  void killingAnInstanceLosesNoAlertNoDeadlineNoWebhookAndLeavesNoHalfUpload() throws Exception {
    Api api = new Api(proxy.baseUrl());
    EmergencyIT.Team team = EmergencyIT.team(api, 3, 8, 1);
    // The clinic's pager gateway is down until A has died.
    WebhookReceiver receiver = WebhookReceiver.answering(503);
    List<ReconnectingConsole> consoles = new ArrayList<>();
    Browser phone = null;
    try {
      Reply hook = receiver.configureFor(api, team.clinic(), "the clinic's pager gateway secret");
      assertThat(hook.status()).as(hook.toString()).isEqualTo(200);
      for (int d = 0; d < 3; d++) {
        consoles.add(new ReconnectingConsole(proxy.baseUrl(), team.directorToken(d)));
      }
      String injector = team.injectorToken();

      // The injector's phone, through the proxy: Emergency, then one tap on the complication.
      phone = Browser.open(proxy.baseUrl(), true);
      phone.signIn(team.injector(), Api.Clinic.PASSWORD, "/injector.html");
      phone.click("emergency-button");
      phone.click("complication-VASCULAR_OCCLUSION");
      JsonObject launched =
          Awaitility.await()
              .atMost(Duration.ofSeconds(5))
              .until(() -> api.get("/api/emergencies", injector).array(), list -> list.size() == 1)
              .getJsonObject(0);
      String id = launched.getString("id");
      Instant secondStepDue =
          Instant.parse(launched.getJsonObject("escalation").getString("nextDeadline"));
      consoles.get(0).await(alertFor(id), Duration.ofSeconds(5));
      // The first webhook attempt failed: a retry is owed, as a row.
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> receiver.received().stream().anyMatch(r -> r.answered() == 503));
      // Details later, from another of the injector's sessions: the patient, then the exception
      // to consent that photos need.
      Reply details =
          api.send(
              "PATCH",
              "/api/emergencies/" + id,
              injector,
              "application/json",
              "{\"patientRef\":\"MRN-FAILOVER\",\"patientInitials\":\"FO\"}",
              Map.of());
      assertThat(details.status()).as(details.toString()).isEqualTo(200);
      Reply exception =
          api.post(
              "/api/emergencies/" + id + "/consent-exception",
              injector,
              Json.createObjectBuilder().add("reason", "The patient cannot consent now.").build());
      assertThat(exception.status()).as(exception.toString()).isEqualTo(200);

      // Two phone photos of ~6 MB, sent at ~1 MB/s: one through the proxy (to either instance),
      // one that the proxy had routed to A, so one is surely in flight on A when it dies.
      List<CompletableFuture<HttpResponse<String>>> uploads = new ArrayList<>();
      List<AtomicLong> sent = List.of(new AtomicLong(), new AtomicLong());
      List<String> routes = List.of(proxy.baseUrl(), a.baseUrl());
      for (int i = 0; i < 2; i++) {
        uploads.add(
            slowUpload(
                routes.get(i), id, injector, TestImages.noisePng(1400, 1400, 17 + i), sent.get(i)));
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> sent.stream().allMatch(n -> n.get() > 1_000_000));

      a.kill();
      Instant killed = Instant.now();
      receiver.answer(204);

      // The escalation goes on, on the survivor, on time.
      consoles.get(1).await(alertFor(id), Duration.ofSeconds(20));
      consoles.get(2).await(alertFor(id), Duration.ofSeconds(20));
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  "UNANSWERED"
                      .equals(
                          api.get("/api/emergencies/" + id, injector).json().getString("status")));
      List<JsonObject> timeline =
          api.get("/api/emergencies/" + id + "/timeline", team.directorToken(2))
              .array()
              .getValuesAs(JsonObject.class);
      // Each step fired once, though both instances' tickers looked for it (and A died).
      assertThat(
              timeline.stream()
                  .map(t -> t.getString("type"))
                  .filter(type -> List.of("LAUNCHED", "ALERTED", "UNANSWERED").contains(type)))
          .containsExactly("LAUNCHED", "ALERTED", "ALERTED", "ALERTED", "UNANSWERED");
      assertThat(alertsByEvent(id))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("emergency.alert", 3, "emergency.unanswered", 3));
      Instant secondStep =
          Instant.parse(
              timeline.stream()
                  .filter(t -> t.getString("type").equals("ALERTED"))
                  .skip(1)
                  .findFirst()
                  .orElseThrow()
                  .getString("at"));
      assertThat(secondStepDue).as("A died before the second step was due").isAfter(killed);
      assertThat(secondStep)
          .as("the second step fired on the survivor when due")
          .isBetween(secondStepDue, secondStepDue.plusSeconds(2));

      // No console missed an alert: each has every alert the database holds for its director.
      for (int d = 0; d < 3; d++) {
        Set<String> received =
            consoles.get(d).events().stream()
                .filter(e -> e.id() != null)
                .map(SseStream.Event::id)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(received)
            .as("director %d's console (%d connections)", d, consoles.get(d).connections())
            .containsAll(alertSeqs(team.directorIds().get(d), id));
      }
      assertThat(consoles.stream().mapToInt(ReconnectingConsole::connections).sum())
          .as("the consoles on A reconnected through the proxy")
          .isGreaterThan(consoles.size());

      // Every alert's webhook was made, the retries owed when A died included.
      List<String> seqs = alertSeqs(null, id);
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .untilAsserted(
              () ->
                  assertThat(
                          receiver.received().stream()
                              .filter(r -> r.answered() == 204)
                              .map(WebhookReceiver.Received::deliveryId))
                      .containsAll(seqs.stream().map(s -> "alert-" + s).toList()));
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> count("select count(*) from pending_delivery") == 0);

      // Each upload completed, or left nothing behind.
      Set<String> completed = new TreeSet<>();
      for (CompletableFuture<HttpResponse<String>> upload : uploads) {
        HttpResponse<String> uploaded;
        try {
          uploaded = upload.get();
        } catch (ExecutionException e) {
          uploaded = null;
        }
        if (uploaded != null && uploaded.statusCode() == 201) {
          completed.add(
              Json.createReader(new StringReader(uploaded.body())).readObject().getString("id"));
          System.out.println("FAILOVER: an upload completed (it was on the survivor)");
        } else {
          System.out.println(
              "FAILOVER: an upload was cut off with the killed instance: "
                  + (uploaded == null ? "connection lost" : "HTTP " + uploaded.statusCode()));
        }
      }
      assertThat(completed).as("the upload on A was cut off").hasSizeLessThan(2);
      List<JsonObject> photos =
          api.get("/api/emergencies/" + id + "/photos", injector)
              .array()
              .getValuesAs(JsonObject.class);
      assertThat(photos)
          .extracting(p -> p.getString("id"))
          .containsExactlyInAnyOrderElementsOf(completed);
      for (JsonObject stored : photos) {
        byte[] bytes =
            api.bytes(
                    "GET", "/api/photos/" + stored.getString("id"), injector, null, null, Map.of())
                .body();
        assertThat(sha256(bytes)).isEqualTo(stored.getString("sha256"));
      }
      assertThat(count("select count(*) from photo_content")).isEqualTo(completed.size());
      assertThat(count("select count(distinct photo_id) from photo_chunk"))
          .as("no chunks of a photo that was cut off")
          .isEqualTo(completed.size());

      // The injector's page recovered by itself: its polls, through the proxy, reached the
      // survivor and it shows the emergency unanswered, with the transfer plan, unreloaded.
      Browser injectorPhone = phone;
      injectorPhone.until(
          Duration.ofSeconds(10),
          d ->
              "UNANSWERED"
                  .equals(
                      injectorPhone.script(
                          "return document.getElementById('status-card').dataset.status")));
      assertThat(phone.script("return window.performance.getEntriesByType('navigation').length"))
          .isEqualTo(1L);
      // The details added from the injector's other session show here too.
      phone.text("patient-summary", "Chart MRN-FAILOVER", Duration.ofSeconds(5));
      phone.screenshot("failover-injector-after-kill");
    } finally {
      if (phone != null) {
        phone.close();
      }
      consoles.forEach(ReconnectingConsole::close);
      receiver.close();
    }
  }

  private static java.util.function.Predicate<SseStream.Event> alertFor(String emergencyId) {
    return e -> "emergency.alert".equals(e.name()) && e.data().contains(emergencyId);
  }

  /** Posts the photo at about 1 MB/s, as a phone on a weak connection sends it. */
  private CompletableFuture<HttpResponse<String>> slowUpload(
      String baseUrl, String emergencyId, String token, byte[] photo, AtomicLong sent) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/emergencies/" + emergencyId + "/photos"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "image/png")
            .POST(
                HttpRequest.BodyPublishers.fromPublisher(
                    HttpRequest.BodyPublishers.ofInputStream(() -> throttled(photo, sent)),
                    photo.length))
            .build();
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .build()
        .sendAsync(request, HttpResponse.BodyHandlers.ofString());
  }

  private static InputStream throttled(byte[] photo, AtomicLong sent) {
    return new FilterInputStream(new ByteArrayInputStream(photo)) {
      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
          Thread.sleep(16);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
        int n = super.read(buffer, offset, Math.min(length, 16_384));
        if (n > 0) {
          sent.addAndGet(n);
        }
        return n;
      }
    };
  }

  /** The alert seqs of this emergency (for one director, or all), as the console's event ids. */
  private static List<String> alertSeqs(String directorId, String emergencyId) throws Exception {
    List<String> seqs = new ArrayList<>();
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "select seq from alert where emergency_id = ? and event = 'emergency.alert'"
                    + (directorId == null ? "" : " and director_id = ?")
                    + " order by seq")) {
      query.setObject(1, UUID.fromString(emergencyId));
      if (directorId != null) {
        query.setObject(2, UUID.fromString(directorId));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          seqs.add(String.valueOf(rows.getLong(1)));
        }
      }
    }
    return seqs;
  }

  private static Map<String, Integer> alertsByEvent(String emergencyId) throws Exception {
    Map<String, Integer> counts = new java.util.HashMap<>();
    try (Connection connection = database.connect();
        PreparedStatement query =
            connection.prepareStatement(
                "select event, count(*) from alert where emergency_id = ?"
                    + " and event in ('emergency.alert', 'emergency.unanswered') group by event")) {
      query.setObject(1, UUID.fromString(emergencyId));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
    }
    return counts;
  }

  private static long count(String sql) throws Exception {
    try (Connection connection = database.connect();
        ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
