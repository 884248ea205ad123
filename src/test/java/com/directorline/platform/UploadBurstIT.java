package com.directorline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.Processes;
import com.directorline.testing.Reply;
import com.directorline.testing.TestRun;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The burst that once destroyed the embedded database, on the README's RUN command as a user starts
 * it (H2 in ./data, {@code -Xmx512m}): rounds of 25 parallel 17 MB photo uploads to one emergency.
 * Every upload is stored whole or refused with 503 and Retry-After (never 500, never a photo row
 * without content), every refusal is in the audit trail under the patient, the server stays ready,
 * and after a kill -9 and a restart every record is still there and the trail verifies.
 */
class UploadBurstIT {

  private static final int PARALLEL = 25;
  private static final int ROUNDS = 2;

  @Test
  void aBurstOfLargeUploadsIsStoredWholeOrRefusedAndNothingIsLostAcrossARestart() throws Exception {
    Path home = Files.createDirectories(TestRun.workDir().resolve("burst-" + System.nanoTime()));
    int port = Processes.freePort();
    String baseUrl = "http://localhost:" + port;
    Api api = new Api(baseUrl);

    Process first = start(port, home, home.resolve("first.log"));
    String emergency;
    String patient = "MRN-BURST-1";
    List<Integer> statuses = new ArrayList<>();
    try {
      Processes.awaitReady(first, baseUrl, home.resolve("first.log"));
      String injector = api.signIn("injector", TestRun.DEMO_PASSWORD);
      Reply launched =
          api.post(
              "/api/emergencies",
              injector,
              Json.createObjectBuilder()
                  .add("complication", "VASCULAR_OCCLUSION")
                  .add("patientRef", patient)
                  .add("patientInitials", "BU")
                  .build());
      assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
      emergency = launched.json().getString("id");
      Reply exception =
          api.post(
              "/api/emergencies/" + emergency + "/consent-exception",
              injector,
              Json.createObjectBuilder().add("reason", "patient cannot consent").build());
      assertThat(exception.status()).as(exception.toString()).isEqualTo(200);

      byte[] photo = TestImages.noisePng(2400, 2400, 7);
      assertThat(photo.length).isBetween(16_000_000, 20_000_000);
      ExecutorService phones = Executors.newFixedThreadPool(PARALLEL);
      try {
        for (int round = 0; round < ROUNDS; round++) {
          List<Future<Reply>> uploads = new ArrayList<>();
          for (int i = 0; i < PARALLEL; i++) {
            uploads.add(
                phones.submit(
                    () ->
                        api.upload(
                            "/api/emergencies/" + emergency + "/photos",
                            injector,
                            "image/png",
                            photo,
                            Map.of())));
          }
          for (Future<Reply> upload : uploads) {
            Reply reply = upload.get(5, TimeUnit.MINUTES);
            statuses.add(reply.status());
            assertThat(reply.status()).as(reply.toString()).isIn(201, 503);
            assertThat(reply.contentType()).startsWith("application/");
            if (reply.status() == 503) {
              assertThat(reply.contentType()).startsWith("application/problem+json");
              assertThat(reply.header("Retry-After")).as("Retry-After").matches("\\d+");
              assertThat(reply.json().getString("type")).endsWith("photo-uploads-busy");
            }
          }
          assertThat(Processes.status(baseUrl + "/health/ready")).isEqualTo(200);
        }
      } finally {
        phones.shutdownNow();
      }
      long stored = statuses.stream().filter(s -> s == 201).count();
      long refused = statuses.size() - stored;
      assertThat(stored).as("uploads stored").isPositive();

      // Every listed photo is whole: its bytes decrypt and match their hash.
      List<String> ids =
          api.get("/api/emergencies/" + emergency + "/photos", injector).array().stream()
              .map(v -> v.asJsonObject().getString("id"))
              .toList();
      assertThat(ids).hasSize((int) stored);
      for (String id : ids) {
        assertThat(
                api.bytes("GET", "/api/photos/" + id, injector, null, null, Map.of()).statusCode())
            .as("photo " + id)
            .isEqualTo(200);
      }

      // The refusals are on record with the emergency and the patient.
      String officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
      List<JsonObject> attempts = photoCreations(api, officer, emergency);
      assertThat(attempts)
          .filteredOn(e -> e.getString("outcome").equals("SUCCESS"))
          .hasSize((int) stored);
      assertThat(attempts)
          .filteredOn(e -> !e.getString("outcome").equals("SUCCESS"))
          .hasSize((int) refused)
          .allSatisfy(
              e -> {
                assertThat(e.getString("reason")).isEqualTo("photo-uploads-busy");
                assertThat(e.getString("patientRef")).isEqualTo(patient);
              });
    } finally {
      // Whatever state the burst left, the process ends as a crash would end it.
      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    Path secondLog = home.resolve("second.log");
    Process second = start(port, home, secondLog);
    try {
      Processes.awaitReady(second, baseUrl, secondLog);
      assertThat(Files.readString(secondLog))
          .as("no fresh demo clinic on an intact database")
          .doesNotContain("DirectorLine: created");
      String director = api.signIn("director", TestRun.DEMO_PASSWORD);
      Reply kept = api.get("/api/emergencies/" + emergency, director);
      assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
      assertThat(kept.json().getString("patientRef")).isEqualTo(patient);
      String officer = api.signIn("compliance", TestRun.DEMO_PASSWORD);
      assertThat(photoCreations(api, officer, emergency)).hasSize(statuses.size());
      Reply verification = api.get("/api/audit/verification", officer);
      assertThat(verification.json().getString("status"))
          .as(verification.toString())
          .isEqualTo("OK");
    } finally {
      Processes.stop(second);
    }
  }

  /** The audit events of photo uploads to the emergency, every outcome. */
  private static List<JsonObject> photoCreations(Api api, String officer, String emergency) {
    Reply page =
        api.get(
            "/api/audit/events?size=200&action=CREATE&emergencyId="
                + URLEncoder.encode(emergency, StandardCharsets.UTF_8),
            officer);
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    return page.json().getJsonArray("items").stream()
        .map(v -> v.asJsonObject())
        .filter(e -> e.getString("objectType").equals("PHOTO"))
        .toList();
  }

  /** The README's RUN command, in an empty directory with the demo password set. */
  private static Process start(int port, Path home, Path log) throws IOException {
    List<String> command =
        List.of(
            Processes.java(),
            "-Xmx512m",
            "-XX:+ExitOnOutOfMemoryError",
            "-jar",
            Path.of(
                    System.getProperty(
                        "directorline.runJar", "target/directorline-microbundle.jar"))
                .toAbsolutePath()
                .toString(),
            "--port",
            String.valueOf(port));
    Map<String, String> environment = new HashMap<>();
    System.getenv().keySet().stream()
        .filter(name -> name.startsWith("DB_") || name.startsWith("DIRECTORLINE_"))
        .forEach(name -> environment.put(name, null));
    environment.put("DIRECTORLINE_DEMO_PASSWORD", TestRun.DEMO_PASSWORD);
    return Processes.start(command, environment, log, home);
  }
}
