package com.directorline.clinical.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The drills report: each drill's timings and completion, the monthly trend, JSON and CSV. */
@ExtendWith(ApiServer.class)
class DrillsReportIT {

  @Test
  void eachDrillIsMeasuredAndTheMonthsTrendIsCountedOnTheClinicsCalendar(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    String injector = clinic.enrol("INJECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911");
    String directorToken = clinic.signIn(director);
    api.post(
        "/api/clinics/" + clinic.id() + "/protocols",
        directorToken,
        Json.createObjectBuilder()
            .add("complication", "ANAPHYLAXIS")
            .add("title", "Anaphylaxis")
            .add(
                "steps",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("text", "Call 911"))
                    .add(Json.createObjectBuilder().add("text", "Lay the patient flat")))
            .build());
    String injectorToken = clinic.signIn(injector);
    String practised = drill(api, injectorToken);
    String abandoned = drill(api, injectorToken);
    String path = "/api/emergencies/" + practised;
    api.post(path + "/checklist/1", injectorToken, Json.createObjectBuilder().build());
    api.post(path + "/accept", directorToken, null);
    String order =
        api.post(
                path + "/orders",
                directorToken,
                Json.createObjectBuilder()
                    .add("medication", "Epinephrine")
                    .add("dose", Json.createValue(new BigDecimal("0.5")))
                    .add("unit", "MG")
                    .add("route", "INTRAMUSCULAR")
                    .build())
            .json()
            .getString("id");
    api.post(
        path + "/orders/" + order + "/given", injectorToken, Json.createObjectBuilder().build());
    api.post("/api/emergencies/" + abandoned + "/cancel", injectorToken, null);
    // A real emergency is not a drill and stays out of the report.
    api.post(
        "/api/emergencies",
        injectorToken,
        Json.createObjectBuilder().add("complication", "BURN").build());

    String report = "/api/clinics/" + clinic.id() + "/drills/report";
    Reply reply = api.get(report, directorToken);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    List<JsonObject> drills = reply.json().getJsonArray("drills").getValuesAs(JsonObject.class);
    assertThat(drills)
        .extracting(d -> d.getString("emergencyId"))
        .containsExactly(practised, abandoned);
    JsonObject first = drills.get(0);
    assertThat(first.getJsonNumber("acceptSeconds").longValue()).isGreaterThanOrEqualTo(0);
    assertThat(first.getInt("checklistDone")).isEqualTo(1);
    assertThat(first.getInt("checklistTotal")).isEqualTo(2);
    assertThat(first.getInt("ordersGiven")).isEqualTo(1);
    assertThat(first.getInt("ordersTotal")).isEqualTo(1);
    assertThat(drills.get(1).getString("status")).isEqualTo("CANCELLED");
    assertThat(drills.get(1).get("acceptSeconds")).as("never accepted").isIn(null, JsonValue.NULL);
    List<JsonObject> months = reply.json().getJsonArray("months").getValuesAs(JsonObject.class);
    assertThat(months).hasSizeBetween(12, 13);
    JsonObject thisMonth = months.get(months.size() - 1);
    assertThat(thisMonth.getInt("drills")).isEqualTo(2);
    assertThat(thisMonth.getJsonNumber("checklistCompletion").doubleValue()).isEqualTo(0.25);
    assertThat(thisMonth.getJsonNumber("ordersConfirmed").doubleValue()).isEqualTo(1.0);
    assertThat(months.get(0).getInt("drills")).isZero();

    Reply csv = api.get(report + "?format=csv", api.signInAsDemoAdmin());
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).startsWith("emergencyId,launchedAt,complication,status,acceptSeconds");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith(practised + ",").contains(",ANAPHYLAXIS,");

    assertThat(api.get(report + "?format=xml", directorToken).status()).isEqualTo(400);
    assertThat(api.get(report + "?from=2026-13-01", directorToken).status()).isEqualTo(400);
    assertThat(
            api.get(report + "?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", directorToken)
                .status())
        .as("more than three years")
        .isEqualTo(400);
    assertThat(api.get(report, injectorToken).status()).isEqualTo(403);
    Api.Clinic other = api.newClinic();
    assertThat(api.get(report, other.signIn(other.enrol("DIRECTOR"))).status()).isEqualTo(404);
  }

  private static String drill(Api api, String injector) {
    Reply launched =
        api.post(
            "/api/emergencies",
            injector,
            Json.createObjectBuilder()
                .add("complication", "ANAPHYLAXIS")
                .add("drill", true)
                .build());
    assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    return launched.json().getString("id");
  }
}
