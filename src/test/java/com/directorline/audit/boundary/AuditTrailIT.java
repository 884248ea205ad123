package com.directorline.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.FhirR4Validator;
import com.directorline.testing.Flags;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit trail through the API on PostgreSQL: exactly one event per access, refusals and
 * failures recorded, the database refusing changes by the application's role, verification catching
 * a row a superuser changed, the chain under 64 parallel writers, and the compliance officer's
 * search, report, exports, flags and reviews.
 */
@ExtendWith(ApiServer.class)
class AuditTrailIT {

  /** A clinic with an injector, two escalation steps of one director each, and an officer. */
  record Clinic(
      Api api,
      Api.Clinic clinic,
      String injector,
      String director,
      String director2,
      String officer,
      String injectorId,
      String directorId,
      String director2Id) {

    static Clinic open(Api api) {
      Api.Clinic clinic = api.newClinic();
      String injector = clinic.enrol("INJECTOR");
      String director = clinic.enrol("DIRECTOR");
      String director2 = clinic.enrol("DIRECTOR");
      String officer = clinic.enrol("COMPLIANCE_OFFICER");
      String directorId = clinic.userId(director);
      String director2Id = clinic.userId(director2);
      clinic.definePolicy(List.of(List.of(directorId), List.of(director2Id)), 60, "Call 911");
      return new Clinic(
          api,
          clinic,
          injector,
          director,
          director2,
          officer,
          clinic.userId(injector),
          directorId,
          director2Id);
    }

    String token(String username) {
      return clinic.signIn(username);
    }
  }

  private static JsonObject launchBody(String patientRef) {
    return Json.createObjectBuilder()
        .add("complication", "VASCULAR_OCCLUSION")
        .add("patientRef", patientRef)
        .add("patientInitials", "JD")
        .add("note", "blanching, left nasolabial fold")
        .build();
  }

  private static String patient() {
    return "MRN-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Sends with a correlation id of our own, so the test finds exactly this request's events. */
  private static Reply send(
      Api api, String method, String path, String token, Object json, String cid) {
    return api.send(
        method,
        path,
        token,
        json == null ? null : "application/json",
        json == null ? null : json.toString(),
        Map.of("X-Correlation-Id", cid));
  }

  private static String cid() {
    return UUID.randomUUID().toString();
  }

  /** The audit rows a request wrote, as column -> value maps. */
  private static List<Map<String, Object>> events(String correlationId) throws SQLException {
    try (Connection db = TestDatabase.get().connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT e.action, e.object_type, e.object_id, e.patient_ref, e.emergency_id,"
                    + " e.participant, e.outcome, e.reason, e.purpose, e.user_id, e.username,"
                    + " e.roles, e.client_ip, e.user_agent, e.detail, e.clinic_id"
                    + " FROM audit_event e WHERE e.correlation_id = ? ORDER BY e.id")) {
      select.setString(1, correlationId);
      List<Map<String, Object>> rows = new ArrayList<>();
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          Map<String, Object> row = new HashMap<>();
          for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            Object value = rs.getObject(i);
            row.put(rs.getMetaData().getColumnName(i), value == null ? null : value.toString());
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static Map<String, Object> onlyEvent(String correlationId) throws SQLException {
    List<Map<String, Object>> rows = events(correlationId);
    assertThat(rows).as("audit events of request " + correlationId).hasSize(1);
    return rows.get(0);
  }

  @Test
  void everyEmergencyEndpointWritesExactlyTheExpectedEvent(Api api) throws SQLException {
    Clinic c = Clinic.open(api);
    String patient = patient();
    String injector = c.token(c.injector());
    String director = c.token(c.director());

    String launch = cid();
    Reply launched = send(api, "POST", "/api/emergencies", injector, launchBody(patient), launch);
    assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    String id = launched.json().getString("id");
    assertThat(onlyEvent(launch))
        .containsEntry("action", "CREATE")
        .containsEntry("object_type", "EMERGENCY")
        .containsEntry("object_id", id)
        .containsEntry("patient_ref", patient)
        .containsEntry("emergency_id", id)
        .containsEntry("participant", "true")
        .containsEntry("outcome", "SUCCESS")
        .containsEntry("purpose", "TREATMENT")
        .containsEntry("user_id", c.injectorId())
        .containsEntry("username", c.injector())
        .containsEntry("roles", "INJECTOR")
        .containsEntry("clinic_id", c.clinic().id())
        .containsEntry("user_agent", "Java-http-client/" + System.getProperty("java.version"))
        .containsKey("client_ip");

    record Call(
        String method,
        String path,
        String token,
        Object body,
        String action,
        String object,
        String detail) {}
    List<Call> calls =
        List.of(
            new Call("GET", "/api/emergencies/" + id, director, null, "READ", "EMERGENCY", null),
            new Call("GET", "/api/emergencies", director, null, "READ", "EMERGENCY", "list"),
            new Call(
                "GET",
                "/api/emergencies/" + id + "/timeline",
                injector,
                null,
                "READ",
                "TIMELINE",
                null),
            new Call(
                "POST",
                "/api/emergencies/" + id + "/accept",
                director,
                null,
                "UPDATE",
                "EMERGENCY",
                "accept"),
            new Call(
                "POST",
                "/api/emergencies/" + id + "/notes",
                director,
                Json.createObjectBuilder()
                    .add("text", "600 U hyaluronidase, reassess in 15 min")
                    .build(),
                "UPDATE",
                "EMERGENCY",
                "note"),
            new Call(
                "POST",
                "/api/emergencies/" + id + "/video-grant",
                director,
                null,
                "CREATE",
                "VIDEO_GRANT",
                null),
            new Call(
                "POST",
                "/api/emergencies/" + id + "/participant-events",
                director,
                Json.createObjectBuilder().add("type", "JOINED").build(),
                "UPDATE",
                "EMERGENCY",
                "joined the call"),
            new Call(
                "POST",
                "/api/emergencies/" + id + "/end",
                injector,
                Json.createObjectBuilder()
                    .add("outcome", "RESOLVED_ON_SITE")
                    .add("summary", "hyaluronidase given")
                    .build(),
                "UPDATE",
                "EMERGENCY",
                "end RESOLVED_ON_SITE"));
    for (Call call : calls) {
      String cid = cid();
      Reply reply = send(api, call.method(), call.path(), call.token(), call.body(), cid);
      assertThat(reply.status()).as(call + " -> " + reply).isIn(200, 204);
      Map<String, Object> event = onlyEvent(cid);
      assertThat(event)
          .as(call.method() + " " + call.path())
          .containsEntry("action", call.action())
          .containsEntry("object_type", call.object())
          .containsEntry("patient_ref", patient)
          .containsEntry("emergency_id", id)
          .containsEntry("participant", "true")
          .containsEntry("outcome", "SUCCESS")
          .containsEntry("purpose", "TREATMENT");
      if (call.detail() != null) {
        assertThat(event).containsEntry("detail", call.detail());
      }
    }

    // The status pages' progress names no patient, so asking for it every second is no access.
    String progress = cid();
    Reply status =
        send(api, "GET", "/api/emergencies/" + id + "/progress", injector, null, progress);
    assertThat(status.status()).as(status.toString()).isEqualTo(200);
    assertThat(status.json().getString("status")).isEqualTo("ENDED");
    assertThat(status.body()).doesNotContain(patient).doesNotContain("hyaluronidase");
    assertThat(events(progress)).as("audit events of a progress request").isEmpty();
  }

  @Test
  void refusedAndFailedAttemptsAreRecordedWithoutASuccess(Api api) throws SQLException {
    Clinic c = Clinic.open(api);
    Clinic other = Clinic.open(api);
    String patient = patient();
    Reply launched = api.post("/api/emergencies", c.token(c.injector()), launchBody(patient));
    String id = launched.json().getString("id");

    String foreign = cid();
    assertThat(
            send(api, "GET", "/api/emergencies/" + id, other.token(other.director()), null, foreign)
                .status())
        .isEqualTo(404);
    assertThat(onlyEvent(foreign))
        .containsEntry("outcome", "DENIED")
        .containsEntry("reason", "not-found")
        .containsEntry("object_id", id)
        .containsEntry("patient_ref", null)
        .containsEntry("username", other.director());

    String wrongRole = cid();
    assertThat(
            send(
                    api,
                    "POST",
                    "/api/emergencies/" + id + "/accept",
                    c.token(c.injector()),
                    null,
                    wrongRole)
                .status())
        .isEqualTo(403);
    assertThat(onlyEvent(wrongRole))
        .containsEntry("outcome", "DENIED")
        .containsEntry("reason", "role not permitted")
        .containsEntry("detail", "EmergenciesResource.accept");

    assertThat(api.post("/api/emergencies/" + id + "/accept", c.token(c.director()), null).status())
        .isEqualTo(200);
    String late = cid();
    assertThat(
            send(
                    api,
                    "POST",
                    "/api/emergencies/" + id + "/accept",
                    c.token(c.director2()),
                    null,
                    late)
                .status())
        .isEqualTo(409);
    assertThat(events(late))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e)
                  .containsEntry("outcome", "ERROR")
                  .containsEntry("reason", "already-accepted");
              assertThat(e).containsEntry("action", "UPDATE");
            });

    String badPassword = cid();
    Reply refused =
        send(
            api,
            "POST",
            "/api/auth/login",
            null,
            Json.createObjectBuilder()
                .add("username", c.injector())
                .add("password", "not the password")
                .build(),
            badPassword);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(onlyEvent(badPassword))
        .containsEntry("action", "LOGIN")
        .containsEntry("outcome", "DENIED")
        .containsEntry("user_id", c.injectorId());
  }

  @Test
  void theApplicationsRoleCannotChangeOrRemoveAuditRows(Api api) throws SQLException {
    api.signInAsDemoAdmin(); // at least one event
    try (Connection app = TestDatabase.get().connectAsApp();
        Statement s = app.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE audit_event SET username = 'mallory'",
              "DELETE FROM audit_event",
              "TRUNCATE audit_event CASCADE",
              "UPDATE audit_chain SET hash = 'x'",
              "DELETE FROM audit_checkpoint",
              "DELETE FROM audit_review",
              "UPDATE audit_chain_head SET seq = seq - 1",
              "UPDATE audit_chain_head SET checkpoint_seq = 0",
              "DELETE FROM audit_chain_head")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      }
    }
    try (Connection owner = TestDatabase.get().connect();
        Statement s = owner.createStatement()) {
      // Even the owner (here a superuser) meets the trigger unless it switches triggers off.
      assertThatThrownBy(() -> s.execute("UPDATE audit_event SET username = 'mallory'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> s.execute("DELETE FROM audit_chain"))
          .hasMessageContaining("append-only");
    }
  }

  private static JsonObject verification(Api api, String officer) {
    Reply reply = api.get("/api/audit/verification", officer);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private static JsonObject settled(Api api, String officer) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> verification(api, officer), v -> v.getInt("pending") == 0);
  }

  /** Runs the packaged verifier as an auditor would, and returns its exit status. */
  private static int verifyFromCommandLine(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(Path.of("target", "directorline-audit-verify.jar").toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("DB_PASSWORD", TestDatabase.password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes());
    int status = process.waitFor();
    System.out.println("audit verifier: " + output.strip());
    assertThat(output).containsPattern(status == 0 ? "^OK: \\d+ events" : "^BROKEN at sequence");
    return status;
  }

  private static long seqOf(String correlationId) throws SQLException {
    try (Connection db = TestDatabase.get().connect();
        PreparedStatement select =
            db.prepareStatement(
                "SELECT c.seq FROM audit_chain c JOIN audit_event e ON e.id = c.event_id"
                    + " WHERE e.correlation_id = ?")) {
      select.setString(1, correlationId);
      try (ResultSet rs = select.executeQuery()) {
        assertThat(rs.next()).as("sealed event of " + correlationId).isTrue();
        return rs.getLong(1);
      }
    }
  }

  @Test
  void verificationIsOkAndNamesTheSequenceOfARowChangedBySuperuser(Api api, @TempDir Path dir)
      throws Exception {
    Clinic c = Clinic.open(api);
    String officer = c.token(c.officer());
    String launch = cid();
    send(api, "POST", "/api/emergencies", c.token(c.injector()), launchBody(patient()), launch);
    JsonObject ok = settled(api, officer);
    assertThat(ok.getString("status")).as(ok.toString()).isEqualTo("OK");
    assertThat(ok.getJsonNumber("events").longValue()).isPositive();
    assertThat(ok.getJsonNumber("checkpoints").longValue()).isPositive();
    assertThat(ok.getInt("retentionYears")).isEqualTo(6);
    assertThat(ok.getInt("outsideCopies")).as("checkpoint copies outside").isPositive();
    assertThat(ok.containsKey("sealerFailingSince") && !ok.isNull("sealerFailingSince"))
        .as("the sealer is not failing")
        .isFalse();

    Reply key = api.get("/api/audit/public-key", officer);
    assertThat(key.json().getString("algorithm")).isEqualTo("Ed25519");
    Path pem = dir.resolve("audit-public-key.pem");
    Files.writeString(pem, key.json().getString("pem"));
    String[] cli = {
      "--db-url",
      TestDatabase.get().jdbcUrl(),
      "--db-user",
      TestDatabase.user(),
      "--public-key",
      pem.toString(),
      "--checkpoint-copies",
      ApiServer.CHECKPOINT_COPIES.toString()
    };
    assertThat(verifyFromCommandLine(cli)).as("command-line verification").isZero();

    long seq = seqOf(launch);
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement()) {
      s.execute("SET session_replication_role = replica");
      s.execute(
          "UPDATE audit_event SET username = 'mallory' WHERE correlation_id = '" + launch + "'");
      try {
        JsonObject broken = verification(api, officer);
        assertThat(broken.getString("status")).isEqualTo("BROKEN");
        assertThat(broken.getJsonNumber("firstBrokenSeq").longValue()).isEqualTo(seq);
        assertThat(broken.getString("problem")).startsWith("altered");
        assertThat(verifyFromCommandLine(cli)).as("command-line verification").isEqualTo(1);
      } finally {
        s.execute(
            "UPDATE audit_event SET username = '"
                + c.injector()
                + "' WHERE correlation_id = '"
                + launch
                + "'");
      }
    }
    assertThat(verification(api, officer).getString("status")).isEqualTo("OK");
  }

  /** Applies a superuser's change, checks what verification says, and undoes the change. */
  private static void tampered(
      Api api, String officer, List<String> change, List<String> undo, long seq, String problem)
      throws SQLException {
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement()) {
      s.execute("SET session_replication_role = replica"); // triggers and foreign keys off
      // Each side in one transaction: the live sealer must never see half a change (an event
      // whose chain row is deleted but which is still there would be chained again).
      db.setAutoCommit(false);
      for (String sql : change) {
        s.execute(sql);
      }
      db.commit();
      try {
        JsonObject broken = verification(api, officer);
        assertThat(broken.getString("status")).as(String.join("; ", change)).isEqualTo("BROKEN");
        assertThat(broken.getJsonNumber("firstBrokenSeq").longValue()).isEqualTo(seq);
        assertThat(broken.getString("problem")).startsWith(problem);
      } finally {
        for (String sql : undo) {
          s.execute(sql);
        }
        db.commit();
      }
    }
    assertThat(verification(api, officer).getString("status")).isEqualTo("OK");
  }

  @Test
  void superuserDeletionReorderingAndForgeryAreFoundOnPostgres(Api api) throws SQLException {
    Clinic c = Clinic.open(api);
    String officer = c.token(c.officer());
    String injector = c.token(c.injector());
    List<String> cids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String cid = cid();
      cids.add(cid);
      send(api, "POST", "/api/emergencies", injector, launchBody(patient()), cid);
    }
    assertThat(settled(api, officer).getString("status")).isEqualTo("OK");
    long first = seqOf(cids.get(0));
    long event;
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT event_id FROM audit_chain WHERE seq = " + first)) {
      rs.next();
      event = rs.getLong(1);
    }

    // Deleted: the event and its place in the chain, as a superuser would.
    tampered(
        api,
        officer,
        List.of(
            "CREATE TEMP TABLE kept_event AS SELECT * FROM audit_event WHERE id = " + event,
            "CREATE TEMP TABLE kept_link AS SELECT * FROM audit_chain WHERE seq = " + first,
            "DELETE FROM audit_chain WHERE seq = " + first,
            "DELETE FROM audit_event WHERE id = " + event),
        List.of(
            "INSERT INTO audit_event SELECT * FROM kept_event",
            "INSERT INTO audit_chain SELECT * FROM kept_link"),
        first,
        "missing");

    // Reordered: two neighbours swap places.
    long second = seqOf(cids.get(1));
    long third = seqOf(cids.get(2));
    assertThat(third).isGreaterThan(second);
    tampered(
        api,
        officer,
        List.of(
            "CREATE TEMP TABLE swap AS SELECT seq, event_id FROM audit_chain WHERE seq IN ("
                + second
                + ", "
                + third
                + ")",
            "UPDATE audit_chain SET event_id = -seq WHERE seq IN (" + second + ", " + third + ")",
            "UPDATE audit_chain c SET event_id = (SELECT event_id FROM swap WHERE seq = "
                + third
                + ") WHERE c.seq = "
                + second,
            "UPDATE audit_chain c SET event_id = (SELECT event_id FROM swap WHERE seq = "
                + second
                + ") WHERE c.seq = "
                + third),
        List.of(
            "UPDATE audit_chain SET event_id = -seq WHERE seq IN (" + second + ", " + third + ")",
            "UPDATE audit_chain c SET event_id = (SELECT event_id FROM swap s WHERE s.seq = c.seq)"
                + " WHERE c.seq = "
                + second,
            "UPDATE audit_chain c SET event_id = (SELECT event_id FROM swap s WHERE s.seq = c.seq)"
                + " WHERE c.seq = "
                + third),
        second,
        third == second + 1 ? "reordered" : "altered");

    // Forged: a checkpoint's signature replaced.
    long checkpoint;
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT MIN(seq) FROM audit_checkpoint")) {
      rs.next();
      checkpoint = rs.getLong(1);
    }
    tampered(
        api,
        officer,
        List.of(
            "CREATE TEMP TABLE kept_signature AS SELECT signature FROM audit_checkpoint WHERE seq = "
                + checkpoint,
            "UPDATE audit_checkpoint SET signature = '"
                + Base64.getEncoder().encodeToString(new byte[64])
                + "' WHERE seq = "
                + checkpoint),
        List.of(
            "UPDATE audit_checkpoint SET signature = (SELECT signature FROM kept_signature)"
                + " WHERE seq = "
                + checkpoint),
        checkpoint,
        "forged checkpoint");
  }

  /**
   * The body forms answer as the query forms do, so the pages keep patient references out of URLs.
   */
  @Test
  void pagingByCursorWalksTheSameEventsAsPageNumbersAndRefusesAForgedCursor(Api api) {
    Clinic c = Clinic.open(api);
    String officer = c.token(c.officer());
    for (int i = 0; i < 3; i++) {
      assertThat(
              api.post("/api/emergencies", c.token(c.injector()), launchBody(patient())).status())
          .isEqualTo(201);
    }
    // A fixed window, so the officer's own searches (events too) do not shift the pages.
    String until = Instant.now().toString();
    String window = "/api/audit/events?size=4&to=" + until;
    List<Long> byNumber = new ArrayList<>();
    for (int page = 0; ; page++) {
      JsonObject found = api.get(window + "&page=" + page, officer).json();
      found
          .getJsonArray("items")
          .forEach(e -> byNumber.add(e.asJsonObject().getJsonNumber("id").longValue()));
      if (found.getJsonArray("items").size() < 4) {
        break;
      }
    }
    List<Long> byCursor = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonObject found = api.get(window + (after == null ? "" : "&after=" + after), officer).json();
      found
          .getJsonArray("items")
          .forEach(e -> byCursor.add(e.asJsonObject().getJsonNumber("id").longValue()));
      after = found.getString("nextCursor", null);
      pages++;
    } while (after != null && pages < 100);
    assertThat(byNumber).hasSizeGreaterThan(8);
    assertThat(byCursor).as("the same events, in the same order").isEqualTo(byNumber);
    assertThat(byCursor).doesNotHaveDuplicates();

    Reply tooDeep = api.get("/api/audit/events?size=50&page=101", officer);
    assertThat(tooDeep.status()).as("page numbers reach 5000 events deep").isEqualTo(400);
    assertThat(tooDeep.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("page");
    assertThat(api.get("/api/audit/events?size=50&page=100", officer).status()).isEqualTo(200);

    Reply forged = api.get("/api/audit/events?after=bm90LWEtY3Vyc29y", officer);
    assertThat(forged.status()).isEqualTo(400);
    assertThat(forged.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("after");
  }

  @Test
  void theBodyFormsOfSearchReportExportAndConsentsAnswerLikeTheQueryForms(Api api) {
    Clinic c = Clinic.open(api);
    String officer = c.token(c.officer());
    String patient = patient();
    assertThat(api.post("/api/emergencies", c.token(c.injector()), launchBody(patient)).status())
        .isEqualTo(201);

    Reply byQuery = api.get("/api/audit/events?size=20&patientRef=" + patient, officer);
    Reply byBody =
        api.post(
            "/api/audit/events/search",
            officer,
            Json.createObjectBuilder().add("patientRef", patient).add("size", 20).build());
    assertThat(byBody.status()).as(byBody.toString()).isEqualTo(200);
    // The query form's own search is one more event about this patient.
    int queried = byQuery.json().getInt("total");
    assertThat(queried).isPositive();
    assertThat(byBody.json().getInt("total")).isEqualTo(queried + 1);
    assertThat(
            api.post(
                    "/api/audit/events/search",
                    officer,
                    Json.createObjectBuilder().add("action", "SHOUT").add("size", 9999).build())
                .json()
                .getJsonArray("violations")
                .getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("field"))
        .containsAnyOf("action", "size");

    int reportedByPath =
        api.get("/api/audit/patients/" + patient + "/access-report", officer)
            .json()
            .getJsonArray("accesses")
            .size();
    Reply report =
        api.post(
            "/api/audit/patients/access-report",
            officer,
            Json.createObjectBuilder().add("patientRef", patient).build());
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    // The first report is itself an access to the patient's data.
    assertThat(report.json().getJsonArray("accesses")).hasSize(reportedByPath + 1);

    Reply export =
        api.post(
            "/api/audit/events/export",
            officer,
            Json.createObjectBuilder().add("patientRef", patient).add("format", "csv").build());
    assertThat(export.status()).as(export.toString()).isEqualTo(200);
    assertThat(export.body()).contains(patient);

    Reply consents =
        api.post(
            "/api/consents/search",
            c.token(c.injector()),
            Json.createObjectBuilder().add("patientRef", patient).build());
    assertThat(consents.status()).as(consents.toString()).isEqualTo(200);
    assertThat(consents.array())
        .hasSameSizeAs(
            api.get("/api/consents?patientRef=" + patient, c.token(c.injector())).array());
  }

  @Test
  void sixtyFourParallelWritersLeaveOneValidChain(Api api) throws Exception {
    Clinic c = Clinic.open(api);
    String officer = c.token(c.officer());
    String director = c.token(c.director());
    String id =
        api.post("/api/emergencies", c.token(c.injector()), launchBody(patient()))
            .json()
            .getString("id");
    List<String> cids = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    try {
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < 64 * 4; i++) {
        String cid = cid();
        cids.add(cid);
        replies.add(
            pool.submit(
                () -> send(api, "GET", "/api/emergencies/" + id, director, null, cid).status()));
      }
      for (Future<Integer> reply : replies) {
        assertThat(reply.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    JsonObject settled = settled(api, officer);
    assertThat(settled.getString("status")).as(settled.toString()).isEqualTo("OK");
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COUNT(*), MIN(seq), MAX(seq), COUNT(DISTINCT event_id) FROM audit_chain")) {
      rs.next();
      assertThat(rs.getLong(2)).isEqualTo(1);
      assertThat(rs.getLong(3)).as("positions without gaps").isEqualTo(rs.getLong(1));
      assertThat(rs.getLong(4)).as("each event once").isEqualTo(rs.getLong(1));
    }
    for (String cid : cids) {
      assertThat(onlyEvent(cid)).containsEntry("action", "READ");
      seqOf(cid);
    }
  }

  @Test
  void theOfficerSearchesReportsExportsFlagsAndReviewsTheirClinicOnly(Api api) throws SQLException {
    Clinic c = Clinic.open(api);
    Clinic other = Clinic.open(api);
    String officer = c.token(c.officer());
    String injector = c.token(c.injector());
    String director = c.token(c.director());
    String since = Instant.now().minusSeconds(5).toString();
    String patient = patient();
    String id = api.post("/api/emergencies", injector, launchBody(patient)).json().getString("id");
    assertThat(api.get("/api/emergencies/" + id, director).status()).isEqualTo(200);
    // director2 is the second step and not alerted yet: a non-participant read.
    String peek = cid();
    assertThat(
            send(api, "GET", "/api/emergencies/" + id, c.token(c.director2()), null, peek).status())
        .isEqualTo(200);
    // A refusal, and more patients than the bulk-read limit in one list.
    assertThat(api.post("/api/emergencies/" + id + "/accept", injector, null).status())
        .isEqualTo(403);
    for (int i = 0; i < ApiServer.BULK_READ_PATIENTS; i++) {
      api.post("/api/emergencies", injector, launchBody(patient()));
    }
    assertThat(api.get("/api/emergencies", director).array())
        .hasSize(ApiServer.BULK_READ_PATIENTS + 1);

    String search = cid();
    Reply found =
        send(
            api,
            "GET",
            "/api/audit/events?patientRef=" + patient + "&from=" + since,
            officer,
            null,
            search);
    assertThat(found.status()).as(found.toString()).isEqualTo(200);
    var items = found.json().getJsonArray("items");
    assertThat(found.json().getInt("total")).isEqualTo(items.size()).isGreaterThanOrEqualTo(4);
    assertThat(items.getJsonObject(items.size() - 1).getString("action")).isEqualTo("CREATE");
    List<String> times = items.stream().map(v -> v.asJsonObject().getString("at")).toList();
    assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(items.getJsonObject(0).keySet())
        .contains(
            "seq",
            "at",
            "userId",
            "username",
            "role",
            "clinicId",
            "ip",
            "userAgent",
            "action",
            "objectType",
            "objectId",
            "patientRef",
            "emergencyId",
            "outcome",
            "purpose",
            "correlationId");
    assertThat(onlyEvent(search))
        .as("the search is audited")
        .containsEntry("action", "READ")
        .containsEntry("object_type", "AUDIT_TRAIL")
        .containsEntry("patient_ref", patient)
        .containsEntry("purpose", "OPERATIONS")
        .containsEntry("username", c.officer());

    Map<String, String> trailReads =
        Map.of(
            "/api/audit/patients/" + patient + "/access-report",
            "READ",
            "/api/audit/events/export?format=csv&patientRef=" + patient,
            "EXPORT",
            "/api/audit/flags",
            "READ",
            "/api/audit/verification",
            "VERIFY");
    for (var read : trailReads.entrySet()) {
      String cid = cid();
      assertThat(send(api, "GET", read.getKey(), officer, null, cid).status()).isEqualTo(200);
      assertThat(onlyEvent(cid))
          .as("reading " + read.getKey() + " is audited")
          .containsEntry("action", read.getValue())
          .containsEntry("object_type", "AUDIT_TRAIL")
          .containsEntry("username", c.officer())
          .containsEntry("outcome", "SUCCESS");
    }

    Reply creates = api.get("/api/audit/events?action=CREATE&patientRef=" + patient, officer);
    assertThat(creates.json().getInt("total")).isEqualTo(1);
    Reply badFilter = api.get("/api/audit/events?action=PEEK", officer);
    assertThat(badFilter.status()).isEqualTo(400);
    assertThat(badFilter.contentType()).startsWith("application/problem+json");
    assertThat(badFilter.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("action");

    Reply report = api.get("/api/audit/patients/" + patient + "/access-report", officer);
    assertThat(report.status()).as(report.toString()).isEqualTo(200);
    assertThat(
            report.json().getJsonArray("people").stream()
                .map(p -> p.asJsonObject().getString("username")))
        .contains(c.injector(), c.director(), c.director2(), c.officer());

    Reply csv = api.get("/api/audit/events/export?format=csv&patientRef=" + patient, officer);
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("id,seq,at,userId,username,role,clinicId,ip,userAgent,action");
    assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
    assertThat(Arrays.stream(lines).skip(1)).allMatch(l -> l.contains(patient));

    Reply fhir = api.get("/api/audit/events/export?format=fhir&patientRef=" + patient, officer);
    assertThat(fhir.status()).isEqualTo(200);
    assertThat(fhir.contentType()).startsWith("application/fhir+json");
    JsonObject bundle = fhir.json();
    assertThat(bundle.getString("resourceType")).isEqualTo("Bundle");
    JsonObject first = bundle.getJsonArray("entry").getJsonObject(0).getJsonObject("resource");
    assertThat(first.getString("resourceType")).isEqualTo("AuditEvent");
    assertThat(first.getJsonObject("meta").getJsonArray("profile").getString(0))
        .contains("IHE.BasicAudit");
    assertThat(first.getJsonArray("entity").toString()).contains(patient);
    // The whole clinic's trail so far: sign-ins, refusals, consents, photos, sessions, sealing.
    Reply all = api.get("/api/audit/events/export?format=fhir", officer);
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().getJsonArray("entry")).hasSizeGreaterThanOrEqualTo(20);

    Reply flags = api.get("/api/audit/flags?from=" + since, officer);
    assertThat(flags.status()).as(flags.toString()).isEqualTo(200);
    List<JsonObject> flagItems = Flags.items(flags);
    assertThat(flagItems.stream().map(f -> f.getString("kind")))
        .contains("NON_PARTICIPANT", "DENIED", "BULK_READ");
    assertThat(flags.json().getInt("total")).isEqualTo(flagItems.size());
    JsonObject nonParticipant =
        flagItems.stream()
            .filter(f -> f.getString("kind").equals("NON_PARTICIPANT"))
            .findFirst()
            .orElseThrow();
    assertThat(nonParticipant.getJsonObject("event").getString("correlationId")).isEqualTo(peek);
    assertThat(nonParticipant.get("review")).as("not reviewed yet").isIn(null, JsonValue.NULL);

    Reply review =
        api.post(
            "/api/audit/reviews",
            officer,
            Json.createObjectBuilder()
                .add("from", since)
                .add("to", Instant.now().toString())
                .add("kind", "NON_PARTICIPANT")
                .add(
                    "note", "Dr. second step looked in while on call; confirmed with the director.")
                .build());
    assertThat(review.status()).as(review.toString()).isEqualTo(201);
    assertThat(events(review.header("X-Correlation-Id")))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e)
                    .containsEntry("action", "CREATE")
                    .containsEntry("object_type", "AUDIT_REVIEW"));
    Reply reviewed = api.get("/api/audit/flags?kind=NON_PARTICIPANT&from=" + since, officer);
    assertThat(Flags.items(reviewed).get(0).getJsonObject("review").getString("note"))
        .startsWith("Dr. second step");
    assertThat(reviewed.json().getJsonArray("groups").getJsonObject(0).getInt("reviewed"))
        .isEqualTo(reviewed.json().getJsonArray("groups").getJsonObject(0).getInt("count"));

    Reply outside =
        api.get("/api/audit/events?patientRef=" + patient, other.token(other.officer()));
    assertThat(outside.json().getInt("total")).as("another clinic's officer").isZero();
    assertThat(api.get("/api/audit/events", c.token(c.director())).status())
        .as("a director")
        .isEqualTo(403);
    // Validated last: loading the R4 specification can take longer than the sessions' 10-second
    // idle timeout in tests, and the officer's session is still needed above.
    assertThat(FhirR4Validator.get().errors(fhir.body()))
        .as("the patient's export is valid FHIR R4")
        .isEmpty();
    assertThat(FhirR4Validator.get().errors(all.body()))
        .as("every event of the clinic's export is valid FHIR R4")
        .isEmpty();
  }
}
