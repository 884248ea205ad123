package com.directorline.compliance.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Flags;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The clinic's own clock in the compliance review: settings set through the API, flags in the
 * clinic's hours and time zone, the emergency's people and the officer's own review not flagged,
 * flags grouped with counts, and the lists the officer picks from.
 */
@ExtendWith(ApiServer.class)
class ComplianceReviewIT {

  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  /** A clinic with an injector, two directors (the second alerted only later) and an officer. */
  record Team(
      Api.Clinic clinic,
      String injector,
      String director,
      String director2,
      String officer,
      String adminToken) {

    static Team open(Api api) {
      Api.Clinic clinic = api.newClinic();
      String injector = clinic.enrol("INJECTOR");
      String director = clinic.enrol("DIRECTOR");
      String director2 = clinic.enrol("DIRECTOR");
      String officer = clinic.enrol("COMPLIANCE_OFFICER");
      String admin = clinic.enrol("ADMIN");
      clinic.definePolicy(
          List.of(List.of(clinic.userId(director)), List.of(clinic.userId(director2))),
          600,
          "Call 911");
      return new Team(clinic, injector, director, director2, officer, clinic.signIn(admin));
    }

    String token(String username) {
      return clinic.signIn(username);
    }

    Reply settings(Api api, JsonObject body) {
      return api.send(
          "PATCH",
          "/api/clinics/" + clinic.id(),
          adminToken,
          "application/merge-patch+json",
          body.toString(),
          Map.of());
    }
  }

  private static JsonObject hours(String... spans) {
    JsonArrayBuilder week = Json.createArrayBuilder();
    for (String span : spans) {
      String[] parts = span.split(" ");
      week.add(
          Json.createObjectBuilder()
              .add("day", parts[0])
              .add("opens", parts[1])
              .add("closes", parts[2]));
    }
    return Json.createObjectBuilder().add("hours", week).build();
  }

  private static JsonObject everyDay(String opens, String closes) {
    JsonArrayBuilder week = Json.createArrayBuilder();
    for (DayOfWeek day : DayOfWeek.values()) {
      week.add(
          Json.createObjectBuilder()
              .add("day", day.name())
              .add("opens", opens)
              .add("closes", closes));
    }
    return Json.createObjectBuilder().add("hours", week).build();
  }

  @Test
  void anAdminSetsTheClinicsZoneAndHoursAndBadSettingsAreRefusedByName(Api api) {
    Team team = Team.open(api);
    Reply set =
        team.settings(
            api,
            Json.createObjectBuilder()
                .add("timeZone", "America/Los_Angeles")
                .add(
                    "hours",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("day", "MONDAY")
                                .add("opens", "09:00")
                                .add("closes", "12:30"))
                        .add(
                            Json.createObjectBuilder()
                                .add("day", "MONDAY")
                                .add("opens", "13:30")
                                .add("closes", "18:00")))
                .build());
    assertThat(set.status()).as(set.toString()).isEqualTo(200);
    JsonObject clinic = api.get("/api/clinics/" + team.clinic().id(), team.adminToken()).json();
    assertThat(clinic.getString("timeZone")).isEqualTo("America/Los_Angeles");
    assertThat(clinic.getJsonArray("hours").toString())
        .isEqualTo(
            "[{\"closes\":\"12:30\",\"day\":\"MONDAY\",\"opens\":\"09:00\"},"
                + "{\"closes\":\"18:00\",\"day\":\"MONDAY\",\"opens\":\"13:30\"}]");
    assertThat(clinic.getString("name")).startsWith("Clinic ");

    // Absent fields stay; the name alone changes the name.
    Reply renamed =
        team.settings(api, Json.createObjectBuilder().add("name", "Glow Aesthetics").build());
    assertThat(renamed.json().getString("name")).isEqualTo("Glow Aesthetics");
    assertThat(renamed.json().getString("timeZone")).isEqualTo("America/Los_Angeles");
    assertThat(renamed.json().getJsonArray("hours")).hasSize(2);

    // Where the clinic is and where patients go.
    Reply located =
        team.settings(
            api,
            Json.createObjectBuilder()
                .add("address", "12 Rodeo Drive, Beverly Hills, CA")
                .add(
                    "nearestEd",
                    Json.createObjectBuilder()
                        .add("name", "Cedars-Sinai Emergency")
                        .add("phone", "+1 310 423 8780"))
                .build());
    assertThat(located.status()).as(located.toString()).isEqualTo(200);
    assertThat(located.json().getString("address")).isEqualTo("12 Rodeo Drive, Beverly Hills, CA");
    assertThat(located.json().getJsonObject("nearestEd").getString("phone"))
        .isEqualTo("+1 310 423 8780");
    assertThat(located.json().getString("name")).isEqualTo("Glow Aesthetics");

    Map<JsonObject, String> refused =
        Map.of(
            Json.createObjectBuilder().add("timeZone", "PST").build(),
            "timeZone",
            hours("MONDAY 18:00 09:00"),
            "hours[0].closes",
            hours("MONDAY 09:00 12:00", "MONDAY 11:00 18:00"),
            "hours",
            hours("MONDAY 9:00 12:00"),
            "hours[0].opens",
            hours("MONDAY 09:00 24:00"),
            "hours[0].closes",
            hours("FUNDAY 09:00 12:00"),
            "hours[0].day",
            Json.createObjectBuilder().add("name", " ").build(),
            "name",
            Json.createObjectBuilder().add("colour", "teal").build(),
            "colour",
            Json.createObjectBuilder()
                .add("nearestEd", Json.createObjectBuilder().add("name", "Cedars-Sinai"))
                .build(),
            "nearestEd.phone");
    for (var bad : refused.entrySet()) {
      Reply reply = team.settings(api, bad.getKey());
      assertThat(reply.status()).as(bad.getKey() + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).isEqualTo("application/problem+json");
      assertThat(reply.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .as(bad.getKey().toString())
          .isEqualTo(bad.getValue());
    }
    JsonObject unchanged = api.get("/api/clinics/" + team.clinic().id(), team.adminToken()).json();
    assertThat(unchanged.getJsonArray("hours")).as("no partial write").hasSize(2);
    assertThat(unchanged.getString("timeZone")).isEqualTo("America/Los_Angeles");

    // Not an admin of this clinic: a director here, an admin of another clinic.
    assertThat(team.settings(api, Json.createObjectBuilder().add("name", "x").build()).status())
        .isEqualTo(200);
    assertThat(
            api.send(
                    "PATCH",
                    "/api/clinics/" + team.clinic().id(),
                    team.token(team.director()),
                    "application/merge-patch+json",
                    "{\"name\":\"Taken over\"}",
                    Map.of())
                .status())
        .isEqualTo(403);
    Team other = Team.open(api);
    assertThat(
            api.send(
                    "PATCH",
                    "/api/clinics/" + team.clinic().id(),
                    other.adminToken(),
                    "application/merge-patch+json",
                    "{\"name\":\"Taken over\"}",
                    Map.of())
                .status())
        .isEqualTo(404);

    // The change is in the trail, under the clinic, for the officer.
    Reply trail = api.get("/api/audit/events?action=UPDATE&size=50", team.token(team.officer()));
    assertThat(
            trail.json().getJsonArray("items").stream()
                .map(v -> v.asJsonObject())
                .filter(e -> e.getString("objectType").equals("CLINIC"))
                .map(e -> e.getString("detail")))
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("CLINIC_UPDATED")
                    .contains("timeZone=America/Los_Angeles")
                    .contains("Mon 09:00-12:30, Mon 13:30-18:00"));
  }

  @Test
  void flagsFollowTheClinicsClockSpareTheEmergencysPeopleAndComeGrouped(Api api) {
    Team team = Team.open(api);
    // Closed all week in Los Angeles: every access to a patient is after hours, unless spared.
    Reply closed =
        team.settings(
            api,
            Json.createObjectBuilder()
                .add("timeZone", "America/Los_Angeles")
                .add("hours", Json.createArrayBuilder())
                .build());
    assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    Instant since = Instant.now().minusSeconds(1);

    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
    String injector = team.token(team.injector());
    String director = team.token(team.director());
    String id =
        api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", patient)
                    .build())
            .json()
            .getString("id");
    assertThat(api.post("/api/emergencies/" + id + "/accept", director, null).status())
        .isEqualTo(200);
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/emergencies/" + id, director).status()).isEqualTo(200);
    }
    // The second director was not alerted (the first accepted): three looks in are not on the case.
    String peeker = team.token(team.director2());
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/emergencies/" + id, peeker).status()).isEqualTo(200);
    }
    assertThat(
            api.post(
                    "/api/emergencies/" + id + "/end",
                    director,
                    Json.createObjectBuilder()
                        .add("outcome", "RESOLVED_ON_SITE")
                        .add("summary", "Hyaluronidase given; perfusion back.")
                        .build())
                .status())
        .isEqualTo(200);
    // Documenting after the end, within the grace: still the director's job, not after hours.
    assertThat(api.get("/api/emergencies/" + id + "/timeline", director).status()).isEqualTo(200);
    // The officer's own review reads the patient's trail at night too.
    String officer = team.token(team.officer());
    assertThat(api.get("/api/audit/patients/" + patient + "/access-report", officer).status())
        .isEqualTo(200);

    Reply flags = api.get("/api/audit/flags?from=" + since, officer);
    assertThat(flags.status()).as(flags.toString()).isEqualTo(200);
    List<JsonObject> groups = flags.json().getJsonArray("groups").getValuesAs(JsonObject.class);
    String peekerId = team.clinic().userId(team.director2());
    assertThat(groups)
        .extracting(
            g -> g.getString("kind") + " " + g.getString("username") + " " + g.getInt("count"))
        .as("only the director who was not on the case, once per kind, with a count")
        .containsExactlyInAnyOrder(
            "NON_PARTICIPANT " + team.director2() + " 3", "AFTER_HOURS " + team.director2() + " 3");
    for (JsonObject group : groups) {
      assertThat(group.getString("userId")).isEqualTo(peekerId);
      assertThat(group.getString("emergencyId")).isEqualTo(id);
      assertThat(group.getString("timeZone")).isEqualTo("America/Los_Angeles");
      assertThat(group.getString("clinicId")).isEqualTo(team.clinic().id());
      Instant first = Instant.parse(group.getString("first"));
      assertThat(group.getString("day"))
          .as("the clinic's calendar day")
          .isEqualTo(first.atZone(LOS_ANGELES).toLocalDate().toString());
      assertThat(group.getJsonArray("items")).hasSize(3);
      assertThat(group.getInt("more")).isZero();
      assertThat(group.getInt("reviewed")).isZero();
    }
    assertThat(
            groups.stream()
                .filter(g -> g.getString("kind").equals("AFTER_HOURS"))
                .map(g -> g.getString("detail")))
        .containsExactly("outside no opening hours (America/Los_Angeles)");
    assertThat(flags.json().getInt("total")).isEqualTo(6);
    assertThat(Flags.items(flags))
        .allSatisfy(
            f -> assertThat(f.getJsonObject("event").getString("patientRef")).isEqualTo(patient));

    // Open around the clock (but 23:59): the same reads are in opening hours now.
    assertThat(team.settings(api, everyDay("00:00", "23:59")).status()).isEqualTo(200);
    Reply open = api.get("/api/audit/flags?from=" + since, officer);
    assertThat(
            Flags.items(open).stream()
                .filter(f -> f.getString("kind").equals("AFTER_HOURS"))
                .map(f -> Instant.parse(f.getJsonObject("event").getString("at"))))
        .as("after hours only in the minute the clinic is closed")
        .allSatisfy(
            at -> assertThat(ZonedDateTime.ofInstant(at, LOS_ANGELES).getHour()).isEqualTo(23));
    assertThat(Flags.items(open))
        .filteredOn(f -> f.getString("kind").equals("NON_PARTICIPANT"))
        .hasSize(3);
  }

  @Test
  void theOfficerPicksPeopleAndEmergenciesFromListsOfTheirClinicOnly(Api api) {
    Team team = Team.open(api);
    Team other = Team.open(api);
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
    String id =
        api.post(
                "/api/emergencies",
                team.token(team.injector()),
                Json.createObjectBuilder()
                    .add("complication", "ANAPHYLAXIS")
                    .add("patientRef", patient)
                    .add("drill", true)
                    .build())
            .json()
            .getString("id");
    String elsewhere =
        api.post(
                "/api/emergencies",
                other.token(other.injector()),
                Json.createObjectBuilder().add("complication", "BURN").build())
            .json()
            .getString("id");
    String officer = team.token(team.officer());

    Reply people = api.get("/api/audit/people", officer);
    assertThat(people.status()).as(people.toString()).isEqualTo(200);
    assertThat(people.array().getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("username"))
        .contains(team.injector(), team.director(), team.director2(), team.officer())
        .doesNotContain(other.injector(), other.director());
    assertThat(people.array().getJsonObject(0).keySet())
        .containsExactlyInAnyOrder("id", "displayName", "username", "active", "clinicIds");

    Reply emergencies = api.get("/api/audit/emergencies", officer);
    assertThat(emergencies.status()).as(emergencies.toString()).isEqualTo(200);
    List<JsonObject> listed = emergencies.array().getValuesAs(JsonObject.class);
    assertThat(listed).extracting(e -> e.getString("id")).contains(id).doesNotContain(elsewhere);
    JsonObject mine =
        listed.stream().filter(e -> e.getString("id").equals(id)).findFirst().orElseThrow();
    assertThat(mine.getString("reference")).isEqualTo(id.substring(0, 8).toUpperCase());
    assertThat(mine.getString("complication")).isEqualTo("ANAPHYLAXIS");
    assertThat(mine.getBoolean("drill")).isTrue();
    assertThat(mine.getString("injector")).isEqualTo("Test INJECTOR");
    assertThat(mine.getString("clinicName")).startsWith("Clinic ");
    assertThat(emergencies.body()).as("no patient data in the picker").doesNotContain(patient);

    Reply longAgo =
        api.get(
            "/api/audit/emergencies?from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z", officer);
    assertThat(longAgo.array()).isEmpty();
    Reply backwards =
        api.get(
            "/api/audit/emergencies?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", officer);
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("from");
    assertThat(api.get("/api/audit/emergencies?from=yesterday", officer).status()).isEqualTo(400);
    // An empty date is no date, as in the audit search (it once ended in a 500 for the flags).
    assertThat(api.get("/api/audit/emergencies?from=&to=", officer).status()).isEqualTo(200);
    assertThat(api.get("/api/audit/flags?to=", officer).status()).isEqualTo(200);
    assertThat(api.get("/api/audit/reviews?to=", officer).status()).isEqualTo(200);
    assertThat(api.get("/api/audit/people", team.token(team.director())).status()).isEqualTo(403);
  }

  @Test
  void aRefusedUploadIsInThePatientsAccessReport(Api api) {
    Team team = Team.open(api);
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 8);
    String injector = team.token(team.injector());
    String id =
        api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", patient)
                    .build())
            .json()
            .getString("id");
    Reply refused =
        api.upload(
            "/api/emergencies/" + id + "/photos",
            injector,
            "image/jpeg",
            TestImages.phoneJpeg(64, 48, 1),
            Map.of());
    assertThat(refused.status()).as("no photo consent: " + refused).isEqualTo(409);

    Reply report =
        api.get("/api/audit/patients/" + patient + "/access-report", team.token(team.officer()));
    assertThat(
            report.json().getJsonArray("accesses").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getString("objectType").equals("PHOTO")))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.getString("outcome")).isEqualTo("ERROR");
              assertThat(a.getString("action")).isEqualTo("CREATE");
              assertThat(a.getString("username")).isEqualTo(team.injector());
            });
  }
}
