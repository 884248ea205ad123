package com.directorline.consent.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Flags;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consent texts, consents and revocations through the API on PostgreSQL; the database refusing
 * changes; every emergency's consent basis; the emergency exception with its follow-up task.
 */
@ExtendWith(ApiServer.class)
class ConsentIT {

  record Clinic(
      Api.Clinic clinic, String injector, String director, String officer, String directorId) {
    static Clinic open(Api api) {
      Api.Clinic clinic = api.newClinic();
      String injector = clinic.enrol("INJECTOR");
      String director = clinic.enrol("DIRECTOR");
      String officer = clinic.enrol("COMPLIANCE_OFFICER");
      String directorId = clinic.userId(director);
      clinic.definePolicy(List.of(List.of(directorId)), 60, "Call 911");
      return new Clinic(clinic, injector, director, officer, directorId);
    }

    String token(String username) {
      return clinic.signIn(username);
    }
  }

  private static String patient() {
    return "MRN-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject text(Api api, Clinic c, String kind, String words) {
    Reply created =
        api.post(
            "/api/clinics/" + c.clinic().id() + "/consent-texts",
            c.clinic().demoAdminToken(),
            Json.createObjectBuilder().add("kind", kind).add("text", words).build());
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  private static JsonObjectBuilder consent(String patient, JsonObject text, String method) {
    return Json.createObjectBuilder()
        .add("patientRef", patient)
        .add("kind", text.getString("kind"))
        .add("consentTextId", text.getString("id"))
        .add(
            "givenBy",
            Json.createObjectBuilder().add("name", "Pat Patient").add("relationship", "self"))
        .add("method", method);
  }

  @Test
  void textsAreVersionedAndConsentsAreRecordedListedAndRevoked(Api api) {
    Clinic c = Clinic.open(api);
    JsonObject v1 =
        text(api, c, "TELEHEALTH_CONSULT", "I agree to a video consult with the director.");
    JsonObject v2 =
        text(api, c, "TELEHEALTH_CONSULT", "I agree to a video consult with a physician.");
    assertThat(v1.getInt("version")).isEqualTo(1);
    assertThat(v2.getInt("version")).isEqualTo(2);
    assertThat(v2.getString("sha256")).hasSize(64).isNotEqualTo(v1.getString("sha256"));
    Reply texts =
        api.get("/api/clinics/" + c.clinic().id() + "/consent-texts", c.token(c.injector()));
    assertThat(texts.array()).hasSize(2);

    String injector = c.token(c.injector());
    String patient = patient();
    Reply noWitness =
        api.post("/api/consents", injector, consent(patient, v2, "VERBAL_ATTESTED").build());
    assertThat(noWitness.status()).isEqualTo(400);
    assertThat(noWitness.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("witness");

    Reply recorded =
        api.post(
            "/api/consents",
            injector,
            consent(patient, v2, "VERBAL_ATTESTED").add("witness", "Riley Reception").build());
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    assertThat(recorded.json().getString("status")).isEqualTo("IN_EFFECT");
    assertThat(recorded.json().getString("textSha256")).isEqualTo(v2.getString("sha256"));
    String id = recorded.json().getString("id");

    Reply wrongKind =
        api.post(
            "/api/consents",
            injector,
            consent(patient, v2, "WRITTEN").add("kind", "PHOTO_CAPTURE_AND_SHARING").build());
    assertThat(wrongKind.status()).isEqualTo(400);

    Clinic other = Clinic.open(api);
    Reply foreignText =
        api.post(
            "/api/consents",
            other.token(other.injector()),
            consent(patient, v2, "WRITTEN").build());
    assertThat(foreignText.status()).as("another clinic's text").isEqualTo(400);

    Reply revoked =
        api.post(
            "/api/consents/" + id + "/revocation",
            c.token(c.director()),
            Json.createObjectBuilder().add("reason", "patient withdrew consent by phone").build());
    assertThat(revoked.status()).as(revoked.toString()).isEqualTo(201);
    assertThat(revoked.json().getString("status")).isEqualTo("REVOKED");
    assertThat(
            api.post(
                    "/api/consents/" + id + "/revocation",
                    injector,
                    Json.createObjectBuilder().add("reason", "again").build())
                .status())
        .isEqualTo(409);

    Reply listed = api.get("/api/consents?patientRef=" + patient, c.token(c.officer()));
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.array())
        .singleElement()
        .satisfies(
            v -> {
              JsonObject consent = v.asJsonObject();
              assertThat(consent.getString("id")).isEqualTo(id);
              assertThat(consent.getString("status")).isEqualTo("REVOKED");
              assertThat(consent.getJsonObject("revocation").getString("reason"))
                  .isEqualTo("patient withdrew consent by phone");
            });
    assertThat(
            api.get("/api/consents?patientRef=" + patient, other.token(other.injector())).array())
        .as("another clinic sees nothing")
        .isEmpty();
  }

  @Test
  void theDatabaseRefusesToChangeOrRemoveConsents(Api api) throws SQLException {
    Clinic c = Clinic.open(api);
    JsonObject text = text(api, c, "PHOTO_CAPTURE_AND_SHARING", "Photos may be taken and shared.");
    assertThat(
            api.post(
                    "/api/consents",
                    c.token(c.injector()),
                    consent(patient(), text, "WRITTEN").build())
                .status())
        .isEqualTo(201);
    try (Connection app = TestDatabase.get().connectAsApp();
        Statement s = app.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE consent_record SET given_by_name = 'someone else'",
              "DELETE FROM consent_record",
              "UPDATE consent_text SET body = 'other words'",
              "DELETE FROM consent_revocation")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOfSatisfying(
                SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
      }
    }
    try (Connection owner = TestDatabase.get().connect();
        Statement s = owner.createStatement()) {
      assertThatThrownBy(() -> s.execute("UPDATE consent_text SET body = 'other words'"))
          .hasMessageContaining("append-only");
    }
  }

  private static JsonObject launch(Api api, Clinic c, String patient) {
    Reply launched =
        api.post(
            "/api/emergencies",
            c.token(c.injector()),
            Json.createObjectBuilder()
                .add("complication", "ANAPHYLAXIS")
                .add("patientRef", patient)
                .add("patientInitials", "PP")
                .build());
    assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    return launched.json();
  }

  @Test
  void everyEmergencyShowsItsConsentBasis(Api api) {
    Clinic c = Clinic.open(api);
    String patient = patient();
    JsonObject before = launch(api, c, patient);
    assertThat(before.getString("consentBasis")).isEqualTo("NOT_RECORDED");

    JsonObject text = text(api, c, "TELEHEALTH_CONSULT", "I agree to a video consult.");
    String consentId =
        api.post("/api/consents", c.token(c.injector()), consent(patient, text, "WRITTEN").build())
            .json()
            .getString("id");
    JsonObject after =
        api.get("/api/emergencies/" + before.getString("id"), c.token(c.director())).json();
    assertThat(after.getString("consentBasis")).isEqualTo("TELEHEALTH_CONSENT");
    assertThat(after.getString("consentId")).isEqualTo(consentId);
  }

  @Test
  void theEmergencyExceptionCoversOneEmergencyAndOpensAFollowUpTask(Api api) throws SQLException {
    Clinic c = Clinic.open(api);
    String patient = patient();
    String id = launch(api, c, patient).getString("id");
    JsonObject reason =
        Json.createObjectBuilder().add("reason", "anaphylaxis, cannot speak").build();

    assertThat(
            api.post("/api/emergencies/" + id + "/consent-exception", c.token(c.director()), reason)
                .status())
        .as("a director")
        .isEqualTo(403);
    String otherInjector = c.clinic().enrol("INJECTOR");
    assertThat(
            api.post(
                    "/api/emergencies/" + id + "/consent-exception",
                    c.clinic().signIn(otherInjector),
                    reason)
                .status())
        .as("an injector who did not launch it does not even see it")
        .isEqualTo(404);
    Reply blank =
        api.post(
            "/api/emergencies/" + id + "/consent-exception",
            c.token(c.injector()),
            Json.createObjectBuilder().add("reason", " ").build());
    assertThat(blank.status()).isEqualTo(400);

    String cid = UUID.randomUUID().toString();
    Reply declared =
        api.send(
            "POST",
            "/api/emergencies/" + id + "/consent-exception",
            c.token(c.injector()),
            "application/json",
            reason.toString(),
            Map.of("X-Correlation-Id", cid));
    assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
    assertThat(declared.json().getString("consentBasis")).isEqualTo("EMERGENCY_EXCEPTION");
    assertThat(declared.json().getString("consentExceptionReason"))
        .isEqualTo("anaphylaxis, cannot speak");
    assertThat(
            api.post("/api/emergencies/" + id + "/consent-exception", c.token(c.injector()), reason)
                .status())
        .isEqualTo(409);
    try (Connection db = TestDatabase.get().connect();
        Statement s = db.createStatement();
        var rs =
            s.executeQuery(
                "SELECT action, object_type, patient_ref, outcome FROM audit_event WHERE correlation_id = '"
                    + cid
                    + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + " "
                  + rs.getString(4))
          .isEqualTo("CREATE CONSENT_EXCEPTION " + patient + " SUCCESS");
      assertThat(rs.next()).as("exactly one event").isFalse();
    }

    // Another emergency of the same patient is not covered.
    assertThat(launch(api, c, patient).getString("consentBasis")).isEqualTo("NOT_RECORDED");

    List<String> timeline =
        api.get("/api/emergencies/" + id + "/timeline", c.token(c.director())).array().stream()
            .map(e -> e.asJsonObject().getString("type"))
            .toList();
    assertThat(timeline).contains("CONSENT_EXCEPTION");

    String director = c.token(c.director());
    JsonObject task =
        api.get("/api/follow-up-tasks", director).array().stream()
            .map(v -> v.asJsonObject())
            .filter(t -> t.getString("emergencyId").equals(id))
            .findFirst()
            .orElseThrow();
    assertThat(task.getString("status")).isEqualTo("OPEN");
    assertThat(task.getString("kind")).isEqualTo("INFORM_PATIENT_AND_OBTAIN_CONSENT");
    assertThat(task.getString("patientRef")).isEqualTo(patient);

    JsonObject note =
        Json.createObjectBuilder()
            .add("note", "patient informed next morning; consent recorded")
            .build();
    Reply completed =
        api.post(
            "/api/follow-up-tasks/" + task.getString("id") + "/completion",
            c.token(c.injector()),
            note);
    assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
    assertThat(completed.json().getString("status")).isEqualTo("COMPLETED");
    assertThat(
            api.post("/api/follow-up-tasks/" + task.getString("id") + "/completion", director, note)
                .status())
        .isEqualTo(409);
    assertThat(
            api.get("/api/follow-up-tasks", director).array().stream()
                .map(v -> v.asJsonObject().getString("id")))
        .doesNotContain(task.getString("id"));

    Reply flags = api.get("/api/audit/flags?kind=CONSENT_EXCEPTION", c.token(c.officer()));
    assertThat(
            Flags.items(flags).stream().map(f -> f.getJsonObject("event").getString("emergencyId")))
        .contains(id);
  }
}
