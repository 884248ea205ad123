package com.directorline.photos.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.Envelope;
import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Flags;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.exif.GpsDirectory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A phone photo with GPS in, and out: no location anywhere, the right way up, only ciphertext in
 * PostgreSQL, tampering and swapped rows detected, consent required, bad files refused, and every
 * view audited (break-glass for the compliance officer).
 */
@ExtendWith(ApiServer.class)
class PhotosIT {

  record Team(
      Api api,
      Api.Clinic clinic,
      String injector,
      String director,
      String officer,
      String patient) {

    static Team open(Api api) {
      Api.Clinic clinic = api.newClinic();
      String injector = clinic.enrol("INJECTOR");
      String director = clinic.enrol("DIRECTOR");
      String officer = clinic.enrol("COMPLIANCE_OFFICER");
      clinic.definePolicy(List.of(List.of(clinic.userId(director))), 60, "Call 911");
      return new Team(
          api,
          clinic,
          injector,
          director,
          officer,
          "MRN-" + UUID.randomUUID().toString().substring(0, 8));
    }

    String token(String username) {
      return clinic.signIn(username);
    }

    String launch() {
      Reply launched =
          api.post(
              "/api/emergencies",
              token(injector),
              Json.createObjectBuilder()
                  .add("complication", "VASCULAR_OCCLUSION")
                  .add("patientRef", patient)
                  .add("patientInitials", "JD")
                  .build());
      assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
      return launched.json().getString("id");
    }

    void photoConsent() {
      clinic.recordPhotoConsent(clinic.demoAdminToken(), token(injector), patient);
    }

    Reply upload(String emergencyId, byte[] image, String token) {
      return api.upload(
          "/api/emergencies/" + emergencyId + "/photos",
          token,
          "image/jpeg",
          image,
          Map.of(
              "X-Caption",
              "left nasolabial fold, 10 min after",
              "X-Captured-At",
              "2026-11-23T09:59:30Z"));
    }
  }

  private static List<String> directories(byte[] image) throws Exception {
    List<String> names = new ArrayList<>();
    for (Directory d :
        ImageMetadataReader.readMetadata(new ByteArrayInputStream(image)).getDirectories()) {
      names.add(d.getName());
    }
    return names;
  }

  @Test
  void aPhonePhotoLosesItsLocationStaysUprightAndIsStoredOnlyEncrypted(Api api) throws Exception {
    Team team = Team.open(api);
    String emergency = team.launch();
    byte[] phone = TestImages.phoneJpeg(640, 320, 6);
    assertThat(
            ImageMetadataReader.readMetadata(new ByteArrayInputStream(phone))
                .getFirstDirectoryOfType(GpsDirectory.class)
                .getGeoLocation())
        .isNotNull();

    Reply refused = team.upload(emergency, phone, team.token(team.injector()));
    assertThat(refused.status()).as("no photo consent yet").isEqualTo(409);
    assertThat(refused.json().getString("detail")).contains("PHOTO_CAPTURE_AND_SHARING");

    team.photoConsent();
    Reply uploaded = team.upload(emergency, phone, team.token(team.injector()));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    JsonObject photo = uploaded.json();
    assertThat(photo.getString("contentType")).isEqualTo("image/jpeg");
    assertThat(photo.getInt("width")).isEqualTo(320);
    assertThat(photo.getInt("height")).isEqualTo(640);
    assertThat(photo.getString("caption")).isEqualTo("left nasolabial fold, 10 min after");
    assertThat(photo.getString("capturedAt")).isEqualTo("2026-11-23T09:59:30Z");
    assertThat(photo.getString("consentBasis")).isEqualTo("PHOTO_CONSENT");
    String id = photo.getString("id");

    HttpResponse<byte[]> served =
        api.bytes("GET", "/api/photos/" + id, team.token(team.director()), null, null, Map.of());
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(served.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    byte[] bytes = served.body();
    assertThat(bytes.length).isEqualTo(photo.getInt("sizeBytes"));
    assertThat(directories(bytes)).doesNotContain("Exif IFD0", "GPS", "XMP", "IPTC", "JpegComment");
    BufferedImage shown = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(shown.getWidth()).isEqualTo(320);
    assertThat(((shown.getRGB(160, 40) >> 16) & 0xFF))
        .as("red on top, as the phone meant")
        .isGreaterThan(180);

    // PostgreSQL holds only ciphertext: no image signature, no run of the original or served bytes.
    try (Connection db = TestDatabase.get().connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT c.format, c.wrapped_key, (SELECT string_agg(k.bytes, ''::bytea ORDER BY"
                    + " k.seq) FROM photo_chunk k WHERE k.photo_id = c.photo_id) FROM"
                    + " photo_content c WHERE c.photo_id = ?::uuid")) {
      select.setString(1, id);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).as("streamed").isEqualTo(2);
        assertThat(rs.getBytes(3).length).isGreaterThan(bytes.length);
        for (byte[] stored : List.of(rs.getBytes(2), rs.getBytes(3))) {
          assertThat(TestImages.indexOf(stored, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
              .isNegative();
          assertThat(TestImages.indexOf(stored, new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
              .isNegative();
          for (byte[] source : List.of(phone, bytes)) {
            for (int at = 0; at + 32 <= source.length; at += source.length / 20) {
              assertThat(TestImages.indexOf(stored, Arrays.copyOfRange(source, at, at + 32)))
                  .as("a run of plaintext at " + at)
                  .isNegative();
            }
          }
        }
      }
    }

    List<String> timeline =
        api
            .get("/api/emergencies/" + emergency + "/timeline", team.token(team.director()))
            .array()
            .stream()
            .map(e -> e.asJsonObject().getString("type"))
            .toList();
    assertThat(timeline).contains("PHOTO_ADDED");
    assertThat(
            api.get("/api/emergencies/" + emergency + "/photos", team.token(team.director()))
                .array())
        .hasSize(1);
  }

  @Test
  void tamperedCiphertextAndSwappedRowsAreDetectedNeverServed(Api api) throws Exception {
    Team team = Team.open(api);
    team.photoConsent();
    String emergency = team.launch();
    String injector = team.token(team.injector());
    String a =
        team.upload(emergency, TestImages.phoneJpeg(64, 32, 1), injector).json().getString("id");
    String b =
        team.upload(emergency, TestImages.phoneJpeg(32, 64, 1), injector).json().getString("id");
    String director = team.token(team.director());
    assertThat(api.bytes("GET", "/api/photos/" + a, director, null, null, Map.of()).statusCode())
        .isEqualTo(200);

    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement()) {
      s.execute(
          "CREATE TEMP TABLE kept_key AS SELECT * FROM photo_content WHERE photo_id IN ('"
              + a
              + "', '"
              + b
              + "')");
      s.execute(
          "CREATE TEMP TABLE kept AS SELECT * FROM photo_chunk WHERE photo_id IN ('"
              + a
              + "', '"
              + b
              + "')");
      s.execute(
          "UPDATE photo_chunk SET bytes = overlay(bytes placing '\\xff'::bytea from 40 for 1)"
              + " WHERE photo_id = '"
              + a
              + "'");
      HttpResponse<byte[]> tampered =
          api.bytes("GET", "/api/photos/" + a, director, null, null, Map.of());
      assertThat(tampered.statusCode()).isEqualTo(500);
      assertThat(tampered.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(new String(tampered.body())).contains("photo-integrity").contains("correlation");
      HttpResponse<byte[]> chart =
          api.bytes(
              "GET",
              "/api/emergencies/" + emergency + "/chart.pdf",
              director,
              null,
              null,
              Map.of());
      assertThat(chart.statusCode()).as("the chart holding the damaged photo").isEqualTo(500);
      assertThat(new String(chart.body())).contains("photo-integrity");

      // b's bytes and key in a's row.
      s.execute("DELETE FROM photo_chunk WHERE photo_id = '" + a + "'");
      s.execute(
          "INSERT INTO photo_chunk SELECT '"
              + a
              + "', seq, bytes FROM kept WHERE photo_id = '"
              + b
              + "'");
      s.execute(
          "UPDATE photo_content c SET wrapped_key = k.wrapped_key FROM kept_key k"
              + " WHERE c.photo_id = '"
              + a
              + "' AND k.photo_id = '"
              + b
              + "'");
      assertThat(api.bytes("GET", "/api/photos/" + a, director, null, null, Map.of()).statusCode())
          .as("b's bytes in a's row")
          .isEqualTo(500);
      s.execute("DELETE FROM photo_chunk WHERE photo_id = '" + a + "'");
      s.execute("INSERT INTO photo_chunk SELECT * FROM kept WHERE photo_id = '" + a + "'");
      s.execute(
          "UPDATE photo_content c SET wrapped_key = k.wrapped_key FROM kept_key k"
              + " WHERE c.photo_id = k.photo_id");
    }
    assertThat(api.bytes("GET", "/api/photos/" + a, director, null, null, Map.of()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void aLargePhotoStreamsAndWhenDamagedPartWayIsRefusedBeforeAByteIsSent(Api api) throws Exception {
    Team team = Team.open(api);
    team.photoConsent();
    String emergency = team.launch();
    byte[] large = TestImages.noisePng(900, 800, 21); // about 2 MB: chunks and many segments
    Reply uploaded = team.upload(emergency, large, team.token(team.injector()));
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    String id = uploaded.json().getString("id");
    int size = uploaded.json().getInt("sizeBytes");
    String director = team.token(team.director());
    HttpResponse<byte[]> whole =
        api.bytes("GET", "/api/photos/" + id, director, null, null, Map.of());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(size);
    assertThat(whole.body()).hasSize(size);
    assertThat(ImageIO.read(new ByteArrayInputStream(whole.body())).getWidth()).isEqualTo(900);

    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement()) {
      try (ResultSet chunks =
          s.executeQuery("SELECT count(*) FROM photo_chunk WHERE photo_id = '" + id + "'")) {
        chunks.next();
        assertThat(chunks.getInt(1)).as("stored in 1 MiB chunks").isGreaterThan(1);
      }
      s.execute(
          "CREATE TEMP TABLE kept_large AS SELECT * FROM photo_chunk WHERE photo_id = '"
              + id
              + "' AND seq = 1");
      s.execute(
          "UPDATE photo_chunk SET bytes = overlay(bytes placing '\\x00'::bytea from 5000 for 1)"
              + " WHERE photo_id = '"
              + id
              + "' AND seq = 1");
      // The first megabyte is sound; the damage in the second is found before anything is sent.
      HttpResponse<byte[]> damaged =
          api.bytes("GET", "/api/photos/" + id, director, null, null, Map.of());
      assertThat(damaged.statusCode()).isEqualTo(500);
      assertThat(new String(damaged.body(), StandardCharsets.UTF_8)).contains("photo-integrity");
      s.execute(
          "UPDATE photo_chunk c SET bytes = k.bytes FROM kept_large k"
              + " WHERE c.photo_id = k.photo_id AND c.seq = k.seq");
    }
    assertThat(api.bytes("GET", "/api/photos/" + id, director, null, null, Map.of()).body())
        .isEqualTo(whole.body());
  }

  @Test
  void aPhotoStoredBeforeStreamingStaysReadable(Api api) throws Exception {
    Team team = Team.open(api);
    team.photoConsent();
    String emergency = team.launch();
    Reply uploaded =
        team.upload(emergency, TestImages.phoneJpeg(200, 100, 1), team.token(team.injector()));
    String id = uploaded.json().getString("id");
    String director = team.token(team.director());
    byte[] served = api.bytes("GET", "/api/photos/" + id, director, null, null, Map.of()).body();

    // Rewritten as the first version stored photos: one AES-GCM ciphertext in the content row.
    Envelope envelope =
        new Envelope(Envelope.parseMaster(Files.readString(ApiServer.photoKeyset(api))));
    Envelope.Sealed whole =
        envelope.seal(
            served, Envelope.associatedData(UUID.fromString(id), UUID.fromString(emergency)));
    try (Connection db = TestDatabase.get().connect()) {
      try (PreparedStatement update =
          db.prepareStatement(
              "UPDATE photo_content SET format = 1, ciphertext = ?, wrapped_key = ?"
                  + " WHERE photo_id = ?::uuid")) {
        update.setBytes(1, whole.ciphertext());
        update.setBytes(2, whole.wrappedKey());
        update.setString(3, id);
        assertThat(update.executeUpdate()).isEqualTo(1);
      }
      try (Statement s = db.createStatement()) {
        s.execute("DELETE FROM photo_chunk WHERE photo_id = '" + id + "'");
      }
    }
    HttpResponse<byte[]> again =
        api.bytes("GET", "/api/photos/" + id, director, null, null, Map.of());
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).isEqualTo(served);
  }

  @Test
  void anythingButAPlainJpegOrPngIsRefused(Api api) {
    Team team = Team.open(api);
    team.photoConsent();
    String emergency = team.launch();
    String injector = team.token(team.injector());
    byte[] heic = TestImages.heic();
    Reply heicReply = team.upload(emergency, heic, injector);
    assertThat(heicReply.status()).isEqualTo(415);
    assertThat(heicReply.json().getString("detail")).contains("JPEG");
    assertThat(team.upload(emergency, "<svg onload=alert(1)>".getBytes(), injector).status())
        .isEqualTo(415);

    byte[] polyglot = TestImages.polyglotJpeg();
    assertThat(team.upload(emergency, polyglot, injector).status()).isEqualTo(422);

    byte[] bomb = TestImages.pixelBombJpeg();
    Reply bombReply = team.upload(emergency, bomb, injector);
    assertThat(bombReply.status()).isEqualTo(422);
    assertThat(bombReply.json().getString("type")).endsWith("too-many-pixels");

    byte[] jpeg = TestImages.encode(TestImages.picture(16, 16), "jpeg");
    byte[] huge = new byte[21 * 1024 * 1024];
    System.arraycopy(jpeg, 0, huge, 0, jpeg.length);
    assertThat(team.upload(emergency, huge, injector).status()).isEqualTo(413);

    assertThat(api.get("/api/emergencies/" + emergency + "/photos", injector).array())
        .as("nothing stored by any refusal")
        .isEmpty();
  }

  @Test
  void theExceptionAllowsPhotosOfItsEmergencyAndTheOfficerNeedsBreakGlass(Api api)
      throws SQLException {
    Team team = Team.open(api);
    String emergency = team.launch();
    String injector = team.token(team.injector());
    assertThat(
            api.post(
                    "/api/emergencies/" + emergency + "/consent-exception",
                    injector,
                    Json.createObjectBuilder().add("reason", "unresponsive").build())
                .status())
        .isEqualTo(200);
    Reply uploaded = team.upload(emergency, TestImages.phoneJpeg(64, 32, 1), injector);
    assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
    assertThat(uploaded.json().getString("consentBasis")).isEqualTo("EMERGENCY_EXCEPTION");
    String id = uploaded.json().getString("id");

    String officer = team.token(team.officer());
    assertThat(api.bytes("GET", "/api/photos/" + id, officer, null, null, Map.of()).statusCode())
        .isEqualTo(403);
    String cid = UUID.randomUUID().toString();
    HttpResponse<byte[]> glass =
        api.bytes(
            "GET",
            "/api/photos/" + id,
            officer,
            null,
            null,
            Map.of("X-Break-Glass-Reason", "complaint 2026-114 review", "X-Correlation-Id", cid));
    assertThat(glass.statusCode()).isEqualTo(200);
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT action, object_type, patient_ref, purpose, justification FROM audit_event"
                    + " WHERE correlation_id = '"
                    + cid
                    + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(
              List.of(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5)))
          .containsExactly(
              "READ", "PHOTO", team.patient(), "BREAK_GLASS", "complaint 2026-114 review");
      assertThat(rs.next()).isFalse();
    }
    Reply flags = api.get("/api/audit/flags?kind=BREAK_GLASS", officer);
    assertThat(Flags.items(flags).stream().map(f -> f.getJsonObject("event").getString("objectId")))
        .contains(id);
    Reply report = api.get("/api/audit/patients/" + team.patient() + "/access-report", officer);
    assertThat(
            report.json().getJsonArray("accesses").stream()
                .map(v -> v.asJsonObject())
                .filter(v -> v.getString("objectType").equals("PHOTO")))
        .extracting(v -> v.getString("username"))
        .contains(team.injector(), team.officer());

    // Another emergency of the same patient is not covered by that exception.
    String next = team.launch();
    assertThat(team.upload(next, TestImages.phoneJpeg(64, 32, 1), injector).status())
        .isEqualTo(409);
  }

  @Test
  void anUploadCutOffByADroppedConnectionLeavesNothing(Api api) throws Exception {
    Team team = Team.open(api);
    team.photoConsent();
    String emergency = team.launch();
    byte[] photo = TestImages.phoneJpeg(1200, 900, 1);
    String cid = UUID.randomUUID().toString();
    URI base = URI.create(api.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      var out = socket.getOutputStream();
      out.write(
          ("POST /api/emergencies/"
                  + emergency
                  + "/photos HTTP/1.1\r\n"
                  + "Host: "
                  + base.getHost()
                  + "\r\n"
                  + "Authorization: Bearer "
                  + team.token(team.injector())
                  + "\r\n"
                  + "Content-Type: image/jpeg\r\n"
                  + "X-Correlation-Id: "
                  + cid
                  + "\r\n"
                  + "Content-Length: "
                  + photo.length
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(photo, 0, photo.length / 3);
      out.flush();
    } // the phone loses its signal
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> failedAttempts(cid) > 0);
    assertThat(
            api.get("/api/emergencies/" + emergency + "/photos", team.token(team.director()))
                .array())
        .isEmpty();
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT COUNT(*) FROM photo WHERE emergency_id = '" + emergency + "'")) {
      rs.next();
      assertThat(rs.getLong(1)).isZero();
    }
  }

  private static long failedAttempts(String correlationId) throws SQLException {
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*) FROM audit_event WHERE correlation_id = '"
                    + correlationId
                    + "' AND outcome <> 'SUCCESS'")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
