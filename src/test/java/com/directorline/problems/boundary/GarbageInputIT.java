package com.directorline.problems.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Garbage sent to every operation the API documents answers a 4xx problem+json: never a 500, never
 * an HTML page, never a stack trace, never the submitted value.
 */
@ExtendWith(ApiServer.class)
class GarbageInputIT {

  private static final String MARKER = "PHI-MARKER-4711";
  private static final String OVERSIZED = "{\"name\":\"" + MARKER + "x".repeat(70_000) + "\"}";
  private static final List<String> BAD_BODIES =
      List.of(
          "{\"username\": ",
          "[\"" + MARKER + "\"]",
          "\"" + MARKER + "\"",
          "{\"" + MARKER + "\": true}",
          "{\"name\": 42, \"username\": [\""
              + MARKER
              + "\"], \"roles\": \""
              + MARKER
              + "\", \"active\": \""
              + MARKER
              + "\", \"clinicIds\": [\""
              + MARKER
              + "\"]}",
          "{\"roles\": [\"" + MARKER + "\"], \"clinicIds\": [7]}",
          "\u0000\u0001" + MARKER,
          "{\"name\": \"" + MARKER + "\\u0000\", \"username\": \"\\u0000\"}",
          "{\"name\": \"\\ud800" + MARKER + "\"}",
          "{\"roles\": " + "[".repeat(5000) + "]".repeat(5000) + "}",
          "");

  record Operation(String method, String path, boolean takesBody) {}

  @Test
  void everyDocumentedOperationAnswersGarbageWithAProblem(Api api) {
    List<Operation> operations = documentedOperations(api);
    assertThat(operations).hasSizeGreaterThanOrEqualTo(9);
    String admin = api.signInAsDemoAdmin();
    Map<String, Long> before = rowCounts();
    SoftAssertions softly = new SoftAssertions();
    int checked = 0;
    for (Operation op : operations) {
      if (op.path().equals("/api/auth/logout")) {
        continue;
      }
      for (String token : new String[] {admin, null}) {
        String realIdPath =
            op.path().replaceAll("\\{[^}]+}", "5d1c3d2e-0000-4000-8000-00000000abcd");
        if (op.path().contains("{")) {
          String badId = op.path().replaceAll("\\{[^}]+}", "not-a-uuid-" + MARKER);
          checked +=
              expectProblem(softly, api.send(op.method(), badId, token, null, null, Map.of()), op);
        }
        if (op.takesBody()) {
          checked +=
              expectProblem(
                  softly, api.send(op.method(), realIdPath, token, null, null, Map.of()), op);
          for (String body : BAD_BODIES) {
            checked +=
                expectProblem(
                    softly,
                    api.send(op.method(), realIdPath, token, "application/json", body, Map.of()),
                    op);
          }
          checked +=
              expectProblem(
                  softly,
                  api.send(op.method(), realIdPath, token, "application/json", OVERSIZED, Map.of()),
                  op);
          checked +=
              expectProblem(
                  softly,
                  api.send(op.method(), realIdPath, token, "text/plain", MARKER, Map.of()),
                  op);
          for (String body : BAD_BODIES.subList(0, 6)) {
            checked +=
                expectProblem(
                    softly,
                    api.send(
                        op.method(),
                        realIdPath,
                        token,
                        "application/merge-patch+json",
                        body,
                        Map.of()),
                    op);
          }
        }
        checked +=
            expectProblem(
                softly, api.send("PUT", realIdPath, token, "application/json", "{}", Map.of()), op);
      }
    }
    softly.assertAll();
    assertThat(checked).isGreaterThanOrEqualTo(200);
    assertThat(rowCounts()).as("nothing written by refused requests").isEqualTo(before);
  }

  @Test
  void unknownPathsAnywhereAreProblems(Api api) {
    for (String path :
        List.of("/api/nothing-here", "/nothing-here", "/api/clinics/x/y/z", "/WEB-INF/web.xml")) {
      Reply reply = api.get(path, null);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
    }
  }

  @Test
  void anOversizedBodyIs413AndNamesTheLimit(Api api) {
    Reply reply =
        api.send("POST", "/api/auth/login", null, "application/json", OVERSIZED, Map.of());

    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.json().getString("detail")).contains("65536");
  }

  @Test
  void violationsNameEachBadFieldAndWhatIsExpected(Api api) {
    Api.Clinic clinic = api.newClinic();
    Reply reply =
        api.send(
            "POST",
            "/api/clinics/" + clinic.id() + "/users",
            clinic.demoAdminToken(),
            "application/json",
            "{\"username\": 5, \"roles\": [\"KING\"], \"active\": true, \"displayName\": \""
                + MARKER
                + "\"}",
            Map.of());

    assertThat(reply.status()).isEqualTo(400);
    JsonObject problem = reply.json();
    assertThat(problem.getString("type")).isEqualTo("urn:directorline:problem:validation");
    assertThat(problem.getJsonArray("violations").getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("field") + ": " + v.getString("message"))
        .containsExactlyInAnyOrder(
            "username: must be a string",
            "roles[0]: must be one of INJECTOR, DIRECTOR, COMPLIANCE_OFFICER, ADMIN",
            "active: is not a known field");
    assertThat(reply.body()).doesNotContain(MARKER);
  }

  @Test
  void missingAndTooLongFieldsAreNamed(Api api) {
    Api.Clinic clinic = api.newClinic();
    Reply reply =
        api.post(
            "/api/clinics/" + clinic.id() + "/users",
            clinic.demoAdminToken(),
            Json.createObjectBuilder().add("displayName", "x".repeat(201)).build());

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("violations").getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("field"))
        // No password is no mistake: it makes the request an invitation.
        .containsExactlyInAnyOrder("username", "displayName", "roles");
  }

  @Test
  void mergePatchBodiesAreBoundAsStrictlyAsJson(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.userId(clinic.enrol("DIRECTOR"));
    String path = "/api/users/" + director;
    for (var bad :
        Map.of(
                "{\"active\":\"x\"}", "active: must be true or false",
                "{\"active\":1}", "active: must be true or false",
                "{\"roles\":\"ADMIN\"}", "roles: must be a JSON array")
            .entrySet()) {
      Reply reply =
          api.send(
              "PATCH",
              path,
              clinic.demoAdminToken(),
              "application/merge-patch+json",
              bad.getKey(),
              Map.of());
      assertThat(reply.status()).as(bad.getKey() + " -> " + reply).isEqualTo(400);
      assertThat(reply.json().getJsonArray("violations").getValuesAs(JsonObject.class))
          .extracting(v -> v.getString("field") + ": " + v.getString("message"))
          .containsExactly(bad.getValue());
    }
    JsonObject unchanged =
        api.get("/api/clinics/" + clinic.id() + "/users", clinic.demoAdminToken()).array().stream()
            .map(v -> v.asJsonObject())
            .filter(u -> u.getString("id").equals(director))
            .findFirst()
            .orElseThrow();
    assertThat(unchanged.getBoolean("active")).isTrue();
    assertThat(unchanged.getJsonArray("roles").getString(0)).isEqualTo("DIRECTOR");
  }

  @Test
  void controlCharactersAreRefusedNamingTheFieldInBodiesQueriesAndHeaders(Api api) {
    Reply signIn =
        api.send(
            "POST",
            "/api/auth/login",
            null,
            "application/json",
            "{\"username\":\"admin\\u0000\",\"password\":\"x\\u0000y\"}",
            Map.of());
    assertThat(signIn.status()).as(signIn.toString()).isEqualTo(400);
    assertThat(signIn.json().getJsonArray("violations").getValuesAs(JsonObject.class))
        .extracting(v -> v.getString("field") + ": " + v.getString("message"))
        .containsExactlyInAnyOrder(
            "username: must not contain control characters",
            "password: must not contain control characters");

    Api.Clinic clinic = api.newClinic();
    String officer = clinic.signIn(clinic.enrol("COMPLIANCE_OFFICER"));
    for (String query : List.of("patientRef=MRN%00x", "patientRef=%1B%5B31m", "action=%00")) {
      Reply search = api.get("/api/audit/events?" + query, officer);
      assertThat(search.status()).as(query + " -> " + search).isEqualTo(400);
      assertThat(search.contentType()).startsWith("application/problem+json");
      assertThat(search.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
  }

  /**
   * Rows of the tables only requests write (the background sealer, escalation and deliveries write
   * others, and sign-ins write sessions), to show that no refused request wrote anything.
   */
  private static Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement()) {
      for (String table :
          List.of(
              "clinic",
              "app_user",
              "membership",
              "escalation_policy",
              "emergency",
              "clinic_webhook",
              "consent_text",
              "consent_record",
              "consent_revocation",
              "consent_exception",
              "follow_up_task",
              "photo",
              "photo_content",
              "audit_review")) {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
          rs.next();
          counts.put(table, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  private static int expectProblem(SoftAssertions softly, Reply reply, Operation op) {
    String what =
        op.method() + " " + op.path() + " -> " + reply.status() + " " + abbreviate(reply.body());
    softly.assertThat(reply.status()).as(what).isBetween(400, 499);
    softly.assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
    softly.assertThat(reply.body()).as(what).doesNotContain(MARKER, "Exception", "<html", "\tat ");
    return 1;
  }

  private static String abbreviate(String body) {
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }

  static List<Operation> documentedOperations(Api api) {
    Reply document =
        api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json"));
    assertThat(document.status()).isEqualTo(200);
    JsonObject paths;
    try (var reader = Json.createReader(new StringReader(document.body()))) {
      paths = reader.readObject().getJsonObject("paths");
    }
    List<Operation> operations = new ArrayList<>();
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) -> {
                      if (List.of("get", "post", "put", "patch", "delete").contains(method)) {
                        operations.add(
                            new Operation(
                                method.toUpperCase(),
                                path,
                                operation.asJsonObject().containsKey("requestBody")));
                      }
                    }));
    return operations;
  }
}
