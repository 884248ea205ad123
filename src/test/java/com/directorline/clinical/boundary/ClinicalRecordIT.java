package com.directorline.clinical.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What happens on the call and after it: the protocol ticked as a live checklist, orders read back
 * as given, the incident record drafted, signed by the accepting director, then only added to.
 */
@ExtendWith(ApiServer.class)
class ClinicalRecordIT {

  /** A clinic with a two-step occlusion protocol, an injector and two directors. */
  record Call(
      Api api,
      Api.Clinic clinic,
      String injector,
      String director,
      String otherDirector,
      String emergency) {

    String path(String rest) {
      return "/api/emergencies/" + emergency + rest;
    }

    String injectorToken() {
      return clinic.signIn(injector);
    }

    String directorToken() {
      return clinic.signIn(director);
    }
  }

  private static Call launched(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    String otherDirector = clinic.enrol("DIRECTOR");
    String injector = clinic.enrol("INJECTOR");
    clinic.definePolicy(
        List.of(List.of(clinic.userId(director)), List.of(clinic.userId(otherDirector))),
        600,
        "Call 911");
    Reply protocol =
        api.post(
            "/api/clinics/" + clinic.id() + "/protocols",
            clinic.signIn(director),
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("title", "Occlusion after filler")
                .add(
                    "steps",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("text", "Stop injecting"))
                        .add(
                            Json.createObjectBuilder()
                                .add("text", "Reassess capillary refill")
                                .add("repeatSeconds", 10)))
                .build());
    assertThat(protocol.status()).as(protocol.toString()).isEqualTo(201);
    Reply launch =
        api.post(
            "/api/emergencies",
            clinic.signIn(injector),
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("patientRef", "MRN-CR-" + System.nanoTime())
                .build());
    assertThat(launch.status()).as(launch.toString()).isEqualTo(201);
    return new Call(api, clinic, injector, director, otherDirector, launch.json().getString("id"));
  }

  private static void accept(Call call) {
    Reply accepted = call.api().post(call.path("/accept"), call.directorToken(), null);
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
  }

  private static List<String> timeline(Call call, String token, String type) {
    return call
        .api()
        .get(call.path("/timeline"), token)
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(t -> t.getString("type").equals(type))
        .map(t -> t.getString("detail", ""))
        .toList();
  }

  private static String problemType(Reply reply) {
    String type = reply.json().getString("type");
    return type.substring(type.lastIndexOf(':') + 1);
  }

  @Test
  void bothTickTheProtocolInForceAtLaunchAndARepeatingStepIsDueAgain(Api api) {
    Call call = launched(api);
    String injector = call.injectorToken();
    // A newer version written after the launch does not change this emergency's checklist.
    api.post(
        "/api/clinics/" + call.clinic().id() + "/protocols",
        call.directorToken(),
        Json.createObjectBuilder()
            .add("complication", "VASCULAR_OCCLUSION")
            .add("title", "Revised")
            .add(
                "steps", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", "x")))
            .build());

    JsonObject checklist = api.get(call.path("/checklist"), injector).json();
    assertThat(checklist.getString("title")).isEqualTo("Occlusion after filler");
    assertThat(checklist.getInt("version")).isEqualTo(1);
    assertThat(checklist.getInt("total")).isEqualTo(2);
    assertThat(checklist.getInt("done")).isZero();

    // Alert first, then act: the injector ticks while the director is still being alerted.
    Reply first = api.post(call.path("/checklist/1"), injector, null);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.json().getInt("done")).isEqualTo(1);
    Reply again = api.post(call.path("/checklist/1"), injector, null);
    assertThat(again.status()).isEqualTo(409);
    assertThat(problemType(again)).isEqualTo("step-done");
    assertThat(api.post(call.path("/checklist/3"), injector, null).status()).isEqualTo(404);
    assertThat(api.post(call.path("/checklist/0"), injector, null).status()).isEqualTo(404);

    String other = call.clinic().signIn(call.otherDirector());
    Reply notYet =
        api.post(
            call.path("/checklist/2"),
            call.directorToken(),
            Json.createObjectBuilder().add("finding", "refill 4 s").build());
    assertThat(notYet.status()).as("not accepted yet").isEqualTo(403);

    accept(call);
    String director = call.directorToken();
    Instant before = Instant.now().minusSeconds(1);
    Reply reassessed =
        api.post(
            call.path("/checklist/2"),
            director,
            Json.createObjectBuilder().add("finding", "refill 4 s").build());
    assertThat(reassessed.status()).as(reassessed.toString()).isEqualTo(200);
    JsonObject step2 = reassessed.json().getJsonArray("steps").getJsonObject(1);
    assertThat(step2.getInt("repeatSeconds")).isEqualTo(10);
    Instant due = Instant.parse(step2.getString("nextDueAt"));
    Instant ticked = Instant.parse(step2.getJsonArray("ticks").getJsonObject(0).getString("at"));
    assertThat(Duration.between(ticked, due)).isEqualTo(Duration.ofSeconds(10));
    assertThat(ticked).isAfter(before);
    assertThat(step2.getJsonArray("ticks").getJsonObject(0).getString("finding"))
        .isEqualTo("refill 4 s");
    // A repeating step is ticked at every reassessment; the timer restarts from the last one.
    Reply later = api.post(call.path("/checklist/2"), injector, null);
    assertThat(later.status()).isEqualTo(200);
    JsonObject step2Again = later.json().getJsonArray("steps").getJsonObject(1);
    assertThat(step2Again.getJsonArray("ticks")).hasSize(2);
    assertThat(Instant.parse(step2Again.getString("nextDueAt"))).isAfterOrEqualTo(due);

    // The other director of the clinic reads it (and is recorded as a non-participant) but
    // cannot tick; a stranger's clinic sees nothing.
    assertThat(api.get(call.path("/checklist"), other).status()).isEqualTo(200);
    assertThat(api.post(call.path("/checklist/2"), other, null).status()).isEqualTo(403);
    Api.Clinic elsewhere = api.newClinic();
    String stranger = elsewhere.signIn(elsewhere.enrol("DIRECTOR"));
    assertThat(api.get(call.path("/checklist"), stranger).status()).isEqualTo(404);

    assertThat(timeline(call, director, "CHECKLIST"))
        .containsExactly(
            "Step 1: Stop injecting",
            "Step 2: Reassess capillary refill — refill 4 s",
            "Step 2: Reassess capillary refill");
    Reply tooLong =
        api.post(
            call.path("/checklist/2"),
            injector,
            Json.createObjectBuilder().add("finding", "x".repeat(501)).build());
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("finding");

    // After the end the checklist is read, not ticked.
    api.post(
        call.path("/end"),
        director,
        Json.createObjectBuilder().add("outcome", "RESOLVED_ON_SITE").build());
    Reply closed = api.post(call.path("/checklist/2"), injector, null);
    assertThat(closed.status()).isEqualTo(409);
  }

  private static JsonObject order(String medication, String dose) {
    return Json.createObjectBuilder()
        .add("medication", medication)
        .add("dose", Json.createValue(new java.math.BigDecimal(dose)))
        .add("unit", "UNITS")
        .add("route", "SUBCUTANEOUS")
        .add("site", "left nasolabial fold")
        .build();
  }

  @Test
  void theDirectorOrdersAndTheInjectorReadsEachOrderBackOnce(Api api) {
    Call call = launched(api);
    String injector = call.injectorToken();
    assertThat(api.post(call.path("/orders"), injector, order("Hyaluronidase", "1500")).status())
        .as("injectors do not order")
        .isEqualTo(403);
    assertThat(
            api.post(call.path("/orders"), call.directorToken(), order("Hyaluronidase", "1500"))
                .status())
        .as("before accepting")
        .isEqualTo(403);
    accept(call);
    String director = call.directorToken();

    Map<String, String> refused =
        Map.of(
            "{\"medication\":\"H\",\"dose\":\"1500\",\"unit\":\"UNITS\",\"route\":\"SUBCUTANEOUS\"}",
            "dose",
            "{\"medication\":\"H\",\"dose\":0,\"unit\":\"UNITS\",\"route\":\"SUBCUTANEOUS\"}",
            "dose",
            "{\"medication\":\"H\",\"dose\":1e9,\"unit\":\"UNITS\",\"route\":\"SUBCUTANEOUS\"}",
            "dose",
            "{\"medication\":\"H\",\"dose\":1,\"unit\":\"BUCKETS\",\"route\":\"SUBCUTANEOUS\"}",
            "unit",
            "{\"medication\":\" \",\"dose\":1,\"unit\":\"MG\",\"route\":\"ORAL\"}",
            "medication",
            "{\"medication\":\"H\",\"dose\":1,\"unit\":\"MG\"}",
            "route",
            "{\"medication\":\"H\",\"dose\":0.00001,\"unit\":\"MG\",\"route\":\"ORAL\"}",
            "dose");
    for (var bad : refused.entrySet()) {
      Reply reply =
          api.send(
              "POST", call.path("/orders"), director, "application/json", bad.getKey(), Map.of());
      assertThat(reply.status()).as(bad.getKey() + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .as(bad.getKey())
          .isEqualTo(bad.getValue());
    }
    assertThat(api.get(call.path("/orders"), director).array()).as("nothing written").isEmpty();

    Reply ordered = api.post(call.path("/orders"), director, order("Hyaluronidase", "1500"));
    assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
    JsonObject placed = ordered.json();
    assertThat(placed.getInt("number")).isEqualTo(1);
    assertThat(placed.getString("status")).isEqualTo("ORDERED");
    assertThat(placed.getString("summary"))
        .isEqualTo("Hyaluronidase 1500 units subcutaneous, left nasolabial fold");
    assertThat(
            Duration.between(
                Instant.parse(placed.getString("orderedAt")),
                Instant.parse(placed.getString("pendingAt"))))
        .as("pending after the configured few minutes")
        .isEqualTo(Duration.ofSeconds(180));
    String orderId = placed.getString("id");
    assertThat(ordered.body()).as("a dose as written, never 1.5E+3").contains("\"dose\":1500");

    JsonObject shown = api.get(call.path("/orders"), injector).array().getJsonObject(0);
    assertThat(shown.getString("status")).isEqualTo("ORDERED");

    String given = call.path("/orders/" + orderId + "/given");
    assertThat(api.post(given, director, null).status())
        .as("directors do not read back")
        .isEqualTo(403);
    Reply future =
        api.post(
            given,
            injector,
            Json.createObjectBuilder()
                .add("givenAt", Instant.now().plus(Duration.ofHours(1)).toString())
                .build());
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("givenAt");
    Instant at = Instant.parse(placed.getString("orderedAt")).plusMillis(500);
    Reply readBack =
        api.post(given, injector, Json.createObjectBuilder().add("givenAt", at.toString()).build());
    assertThat(readBack.status()).as(readBack.toString()).isEqualTo(200);
    assertThat(readBack.json().getString("status")).isEqualTo("GIVEN");
    assertThat(Instant.parse(readBack.json().getString("givenAt"))).isEqualTo(at);
    Reply twice = api.post(given, injector, null);
    assertThat(twice.status()).isEqualTo(409);
    assertThat(problemType(twice)).isEqualTo("order-given");
    assertThat(
            api.post(call.path("/orders/" + java.util.UUID.randomUUID() + "/given"), injector, null)
                .status())
        .isEqualTo(404);

    assertThat(timeline(call, director, "ORDERED"))
        .containsExactly("Order 1: Hyaluronidase 1500 units subcutaneous, left nasolabial fold");
    assertThat(timeline(call, director, "GIVEN"))
        .containsExactly(
            "Order 1 given: Hyaluronidase 1500 units subcutaneous, left nasolabial fold");
  }

  private static JsonObjectBuilder completeRecord() {
    return Json.createObjectBuilder()
        .add("procedure", "Hyaluronic acid filler, nasolabial folds")
        .add("product", "Juvederm Ultra XC")
        .add("lot", "LOT-4411")
        .add("volume", "0.8 mL")
        .add("sites", "left nasolabial fold")
        .add("onsetAt", Instant.now().minusSeconds(900).toString())
        .add("signs", "Blanching, livedo, delayed capillary refill")
        .add("actionsTaken", "Stopped injecting; hyaluronidase as ordered; warm compress")
        .add("patientInformed", true)
        .add("informedBy", "the injector, with the director on the call")
        .add("disposition", "HOME")
        .add("followUpPlan", "Call at 24 h and 48 h");
  }

  private static Reply save(Call call, String token, int version, JsonObjectBuilder record) {
    return call.api()
        .send(
            "PUT",
            call.path("/incident-record"),
            token,
            "application/json",
            Json.createObjectBuilder()
                .add("version", version)
                .add("record", record)
                .build()
                .toString(),
            Map.of());
  }

  @Test
  void theInjectorDraftsTheDirectorSignsAndAfterwardsOnlyAddendaAreAdded(Api api)
      throws SQLException {
    Call call = launched(api);
    String injector = call.injectorToken();
    JsonObject none = api.get(call.path("/incident-record"), injector).json();
    assertThat(none.getString("status")).isEqualTo("NONE");
    assertThat(none.getInt("version")).isZero();

    // Drafted during the call, from the start.
    Reply draft = save(call, injector, 0, Json.createObjectBuilder().add("procedure", "HA filler"));
    assertThat(draft.status()).as(draft.toString()).isEqualTo(200);
    assertThat(draft.json().getString("status")).isEqualTo("DRAFT");
    assertThat(draft.json().getInt("version")).isEqualTo(1);
    assertThat(draft.json().getJsonArray("missingForSignature").getValuesAs(Object::toString))
        .contains("\"onsetAt\"", "\"signs\"", "\"disposition\"");
    Reply stale = save(call, injector, 0, Json.createObjectBuilder().add("procedure", "other"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(problemType(stale)).isEqualTo("record-changed");
    Reply badField =
        save(call, injector, 1, Json.createObjectBuilder().add("disposition", "MORGUE"));
    assertThat(badField.status()).isEqualTo(400);
    assertThat(badField.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("record.disposition");

    accept(call);
    String director = call.directorToken();
    api.post(call.path("/checklist/1"), injector, null);
    String notReadBack =
        api.post(
                call.path("/orders"),
                director,
                Json.createObjectBuilder()
                    .add("medication", "Aspirin")
                    .add("dose", 300)
                    .add("unit", "MG")
                    .add("route", "ORAL")
                    .build())
            .json()
            .getString("id");
    Reply future =
        save(
            call,
            injector,
            1,
            Json.createObjectBuilder()
                .add("treatedAt", Instant.now().plusSeconds(3600).toString()));
    assertThat(future.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("record.treatedAt");
    Reply onsetFirst =
        save(
            call,
            injector,
            1,
            Json.createObjectBuilder()
                .add("treatedAt", Instant.now().minusSeconds(600).toString())
                .add("onsetAt", Instant.now().minusSeconds(1200).toString()));
    assertThat(onsetFirst.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("record.onsetAt");
    Reply early =
        api.post(
            call.path("/incident-record/sign"),
            director,
            Json.createObjectBuilder().add("version", 1).build());
    assertThat(early.status()).as("signed after the end").isEqualTo(409);
    api.post(
        call.path("/end"),
        director,
        Json.createObjectBuilder().add("outcome", "RESOLVED_ON_SITE").build());

    JsonObject read = api.get(call.path("/incident-record"), director).json();
    assertThat(read.getString("actionsFromCall")).contains("Step 1: Stop injecting");
    assertThat(read.getBoolean("maySign")).isTrue();
    Reply incomplete =
        api.post(
            call.path("/incident-record/sign"),
            director,
            Json.createObjectBuilder().add("version", 1).build());
    assertThat(incomplete.status()).isEqualTo(409);
    assertThat(problemType(incomplete)).isEqualTo("record-incomplete");
    assertThat(incomplete.json().getString("detail")).contains("onsetAt", "signs", "disposition");

    // The director amends and completes it, then signs the version read.
    Reply amended = save(call, director, 1, completeRecord());
    assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    assertThat(amended.json().getJsonArray("missingForSignature")).isEmpty();
    assertThat(
            api.post(
                    call.path("/incident-record/sign"),
                    injector,
                    Json.createObjectBuilder().add("version", 2).build())
                .status())
        .as("injectors do not sign")
        .isEqualTo(403);
    assertThat(
            api.post(
                    call.path("/incident-record/sign"),
                    call.clinic().signIn(call.otherDirector()),
                    Json.createObjectBuilder().add("version", 2).build())
                .status())
        .as("only the director who accepted signs")
        .isEqualTo(403);
    Reply staleSign =
        api.post(
            call.path("/incident-record/sign"),
            director,
            Json.createObjectBuilder().add("version", 1).build());
    assertThat(problemType(staleSign)).isEqualTo("record-changed");
    // The order never read back is signed over only knowingly.
    assertThat(amended.json().getJsonArray("unconfirmedOrders").getInt(0)).isEqualTo(1);
    Reply unknowing =
        api.post(
            call.path("/incident-record/sign"),
            director,
            Json.createObjectBuilder().add("version", 2).build());
    assertThat(problemType(unknowing)).isEqualTo("orders-unconfirmed");
    assertThat(unknowing.json().getString("detail")).contains("Order 1 was never read back");
    Reply signed =
        api.post(
            call.path("/incident-record/sign"),
            director,
            Json.createObjectBuilder()
                .add("version", 2)
                .add("acknowledgeUnconfirmedOrders", true)
                .build());
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    assertThat(timeline(call, director, "RECORD_SIGNED"))
        .anyMatch(line -> line.contains("signed over unconfirmed order 1"));
    JsonObject signature = signed.json().getJsonObject("signature");
    assertThat(signed.json().getString("status")).isEqualTo("SIGNED");
    assertThat(signature.getString("sha256")).hasSize(64);
    assertThat(signature.getBoolean("intact")).isTrue();
    assertThat(signed.json().getJsonObject("record").getString("lot")).isEqualTo("LOT-4411");

    // Immutable: no more saves, no second signature; corrections are dated addenda.
    Reply afterSigning = save(call, injector, 2, completeRecord().add("lot", "changed"));
    assertThat(problemType(afterSigning)).isEqualTo("record-signed");
    assertThat(
            problemType(
                api.post(
                    call.path("/incident-record/sign"),
                    director,
                    Json.createObjectBuilder().add("version", 2).build())))
        .isEqualTo("record-signed");
    Reply lateReadBack =
        api.post(
            call.path("/orders/" + notReadBack + "/given"),
            injector,
            Json.createObjectBuilder().build());
    assertThat(lateReadBack.status()).isEqualTo(409);
    assertThat(problemType(lateReadBack))
        .as("after signing, an addendum")
        .isEqualTo("record-signed");
    Reply addendum =
        api.post(
            call.path("/incident-record/addenda"),
            injector,
            Json.createObjectBuilder()
                .add("text", "Lot number was LOT-4412, not LOT-4411.")
                .build());
    assertThat(addendum.status()).as(addendum.toString()).isEqualTo(201);
    JsonObject withAddendum = api.get(call.path("/incident-record"), director).json();
    assertThat(withAddendum.getJsonObject("record").getString("lot")).isEqualTo("LOT-4411");
    assertThat(withAddendum.getJsonArray("addenda").getJsonObject(0).getString("text"))
        .isEqualTo("Lot number was LOT-4412, not LOT-4411.");
    assertThat(timeline(call, director, "RECORD_SIGNED"))
        .containsExactly("Incident record version 2 signed; signed over unconfirmed order 1");
    assertThat(timeline(call, director, "ADDENDUM"))
        .containsExactly("Lot number was LOT-4412, not LOT-4411.");

    // The signature is an attestation in the trail, naming the digest of what was signed.
    String officer = call.clinic().signIn(call.clinic().enrol("COMPLIANCE_OFFICER"));
    assertThat(
            api
                .get("/api/audit/events?size=200", officer)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> e.getString("objectType").equals("SIGNATURE"))
                .filter(e -> e.getString("outcome").equals("SUCCESS"))
                .map(e -> e.getString("detail", ""))
                .toList())
        .containsExactly(
            "incident record version 2 signed; sha256="
                + signature.getString("sha256")
                + "; signed over unconfirmed order 1");

    // Not even the database's own role may change what was signed.
    try (Connection app = TestDatabase.get().connectAsApp();
        Statement s = app.createStatement()) {
      for (String sql :
          List.of(
              "UPDATE incident_signature SET content = 'x'",
              "DELETE FROM incident_addendum",
              "UPDATE medication_given SET given_at = now()",
              "DELETE FROM checklist_tick")) {
        assertThatThrownBy(() -> s.execute(sql))
            .as(sql)
            .isInstanceOf(SQLException.class)
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
      }
    }
  }

  @Test
  void aRecordWithEveryFieldAtItsLimitIsSignedWhole(Api api) {
    Call call = launched(api);
    accept(call);
    String director = call.directorToken();
    api.post(
        call.path("/end"),
        director,
        Json.createObjectBuilder().add("outcome", "RESOLVED_ON_SITE").build());
    // Quotes: each is escaped in the signed JSON, so this is the largest content there can be.
    JsonObjectBuilder full =
        completeRecord()
            .add("procedure", "\"".repeat(500))
            .add("product", "\"".repeat(200))
            .add("lot", "\"".repeat(100))
            .add("volume", "\"".repeat(100))
            .add("sites", "\"".repeat(500))
            .add("signs", "\"".repeat(4000))
            .add("actionsTaken", "\"".repeat(8000))
            .add("informedBy", "\"".repeat(200))
            .add("followUpPlan", "\"".repeat(2000))
            .add("notes", "\"".repeat(8000));
    Reply saved = save(call, director, 0, full);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    Reply tooLong = save(call, director, 1, full.add("notes", "x".repeat(8001)));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("record.notes");
    Reply signed =
        api.post(
            call.path("/incident-record/sign"),
            director,
            Json.createObjectBuilder().add("version", 1).build());
    assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    assertThat(signed.json().getJsonObject("record").getString("notes")).hasSize(8000);
    assertThat(signed.json().getJsonObject("signature").getBoolean("intact")).isTrue();
  }

  @Test
  void anAddendumBeforeSigningAndARecordOfACancelledEmergencyAreRefused(Api api) {
    Call call = launched(api);
    String injector = call.injectorToken();
    Reply early =
        api.post(
            call.path("/incident-record/addenda"),
            injector,
            Json.createObjectBuilder().add("text", "something").build());
    assertThat(early.status()).isEqualTo(409);
    assertThat(problemType(early)).isEqualTo("record-not-signed");
    assertThat(api.post(call.path("/cancel"), injector, null).status()).isEqualTo(200);
    Reply cancelled = save(call, injector, 0, Json.createObjectBuilder().add("procedure", "x"));
    assertThat(cancelled.status()).isEqualTo(409);
    assertThat(api.get(call.path("/incident-record"), injector).json().getString("status"))
        .isEqualTo("NONE");
  }
}
