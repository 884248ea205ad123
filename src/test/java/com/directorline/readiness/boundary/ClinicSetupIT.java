package com.directorline.readiness.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A clinic set up the way its admin does it on the admin page: staff invited with one-time links
 * (and reset with one), the transfer plan as lines with phones, and the readiness checklist that
 * says what is missing until the clinic is ready.
 */
@ExtendWith(ApiServer.class)
class ClinicSetupIT {

  private static final String STRONG = "violet ferry marble kettle";

  private static JsonObject invitation(String username, String name, String... roles) {
    JsonArrayBuilder roleArray = Json.createArrayBuilder();
    for (String role : roles) {
      roleArray.add(role);
    }
    return Json.createObjectBuilder()
        .add("username", username)
        .add("displayName", name)
        .add("email", username + "@clinic.test")
        .add("roles", roleArray)
        .build();
  }

  private static String fresh(String prefix) {
    return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** The secret after the '#' of a setup link. */
  private static String token(JsonObject setup) {
    String link = setup.getString("link");
    assertThat(link).startsWith("/setup.html#");
    return link.substring(link.indexOf('#') + 1);
  }

  private static Reply choose(Api api, String token, String password) {
    return api.post(
        "/api/password-setup",
        null,
        Json.createObjectBuilder().add("token", token).add("password", password).build());
  }

  @Test
  void anInvitedPersonChoosesTheirOwnPasswordWithALinkThatWorksOnce(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = fresh("dana");
    Reply invited =
        api.post(
            "/api/clinics/" + clinic.id() + "/users",
            clinic.demoAdminToken(),
            invitation(username, "Dr. Dana Invited", "DIRECTOR"));
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    assertThat(invited.json().getBoolean("passwordPending")).isTrue();
    String token = token(invited.json().getJsonObject("setup"));
    assertThat(invited.json().getJsonObject("setup").getString("expiresAt")).isNotBlank();

    // The link is shown once: the staff list shows the person as pending, without a link.
    JsonObject listed = staffMember(api, clinic, username);
    assertThat(listed.getBoolean("passwordPending")).isTrue();
    assertThat(listed.containsKey("setup")).isFalse();
    // Until then no password signs them in (not even an empty one).
    assertThat(api.login(username, "").status()).isIn(400, 401);
    assertThat(api.login(username, Api.Clinic.PASSWORD).status()).isEqualTo(401);

    Reply checked =
        api.post(
            "/api/password-setup/check",
            null,
            Json.createObjectBuilder().add("token", token).build());
    assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
    assertThat(checked.json().getString("username")).isEqualTo(username);
    assertThat(checked.json().getString("displayName")).isEqualTo("Dr. Dana Invited");

    // The password policy applies; a refused password leaves the link usable.
    Reply weak = choose(api, token, "dana12345678");
    assertThat(weak.status()).as(weak.toString()).isEqualTo(400);
    assertThat(weak.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("password");
    assertThat(weak.body()).doesNotContain("dana12345678");

    Reply chosen = choose(api, token, STRONG);
    assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
    assertThat(chosen.json().getString("username")).isEqualTo(username);
    assertThat(api.login(username, STRONG).status()).isEqualTo(200);
    assertThat(staffMember(api, clinic, username).getBoolean("passwordPending")).isFalse();

    // Once: the same link is gone, and so is a made-up one.
    Reply again = choose(api, token, "another violet ferry");
    assertThat(again.status()).isEqualTo(410);
    assertThat(again.contentType()).isEqualTo("application/problem+json");
    assertThat(again.json().getString("type")).endsWith("setup-link-invalid");
    assertThat(
            api.post(
                    "/api/password-setup/check",
                    null,
                    Json.createObjectBuilder().add("token", "x".repeat(43)).build())
                .status())
        .isEqualTo(410);
    Reply noToken = api.post("/api/password-setup", null, Json.createObjectBuilder().build());
    assertThat(noToken.status()).isEqualTo(400);
    assertThat(fields(noToken)).contains("token", "password");

    // The trail says who issued the link and that the person chose their password.
    String officer = clinic.signIn(clinic.enrol("COMPLIANCE_OFFICER"));
    String personId = listed.getString("id");
    Reply own = api.get("/api/audit/events?userId=" + personId + "&size=50", officer);
    assertThat(details(own)).anyMatch(d -> d.startsWith("PASSWORD_SET"));
    Reply byAdmin = api.get("/api/audit/events?action=UPDATE&size=200&from=" + today(), officer);
    assertThat(
            byAdmin.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(e -> personId.equals(e.getString("objectId", null)))
                .map(e -> e.getString("detail", ""))
                .toList())
        .anyMatch(d -> d.startsWith("SETUP_LINK_ISSUED: invitation"));
  }

  @Test
  void anAdminResetsAForgottenPasswordTheOldOneAndTheSessionsStopWorking(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");
    String session = clinic.signIn(username);
    String userId = clinic.userId(username);
    assertThat(api.get("/api/me", session).status()).isEqualTo(200);

    Reply reset = api.post("/api/users/" + userId + "/setup-link", clinic.demoAdminToken(), null);
    assertThat(reset.status()).as(reset.toString()).isEqualTo(200);
    assertThat(api.get("/api/me", session).status()).as("sessions end").isEqualTo(401);
    assertThat(api.login(username, Api.Clinic.PASSWORD).status()).isEqualTo(401);

    // A second reset replaces the first link.
    Reply second = api.post("/api/users/" + userId + "/setup-link", clinic.demoAdminToken(), null);
    assertThat(choose(api, token(reset.json()), STRONG).status()).isEqualTo(410);
    assertThat(choose(api, token(second.json()), STRONG).status()).isEqualTo(200);
    assertThat(api.login(username, STRONG).status()).isEqualTo(200);

    // Not for an injector, not for another clinic's admin, not for a disabled account.
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    assertThat(api.post("/api/users/" + userId + "/setup-link", injector, null).status())
        .isEqualTo(403);
    Api.Clinic other = api.newClinic();
    String otherAdmin = other.signIn(other.enrol("ADMIN"));
    assertThat(api.post("/api/users/" + userId + "/setup-link", otherAdmin, null).status())
        .isEqualTo(404);
    api.patch(
        "/api/users/" + userId,
        clinic.demoAdminToken(),
        Json.createObjectBuilder().add("active", false).build());
    Reply disabled =
        api.post("/api/users/" + userId + "/setup-link", clinic.demoAdminToken(), null);
    assertThat(disabled.status()).isEqualTo(409);
    assertThat(disabled.json().getString("type")).endsWith("user-inactive");
  }

  @Test
  void disablingAnInviteeKillsTheirLinkForGoodAndChoosingAPasswordEndsEverySession(Api api) {
    Api.Clinic clinic = api.newClinic();
    Reply invited =
        api.post(
            "/api/clinics/" + clinic.id() + "/users",
            clinic.demoAdminToken(),
            invitation(fresh("gone"), "Leaked Link", "INJECTOR"));
    String id = invited.json().getString("id");
    String leaked = token(invited.json().getJsonObject("setup"));
    String admin = api.signInAsDemoAdmin();
    api.patch("/api/users/" + id, admin, Json.createObjectBuilder().add("active", false).build());
    api.patch("/api/users/" + id, admin, Json.createObjectBuilder().add("active", true).build());
    assertThat(choose(api, leaked, STRONG).status())
        .as("enabling again does not revive the link")
        .isEqualTo(410);

    // A person with two sessions resets their password (say a session may be someone else's).
    String username = clinic.enrol("INJECTOR");
    String first = clinic.signIn(username);
    String second = clinic.signIn(username);
    Reply reset =
        api.post(
            "/api/users/" + clinic.userId(username) + "/setup-link", api.signInAsDemoAdmin(), null);
    assertThat(choose(api, token(reset.json()), STRONG).status()).isEqualTo(200);
    assertThat(api.get("/api/me", first).status()).isEqualTo(401);
    assertThat(api.get("/api/me", second).status()).isEqualTo(401);
  }

  @Test
  void aPlanLongerThanTheOldColumnStillLaunchesAndOddInputIsRefusedByField(Api api) {
    Api.Clinic clinic = api.newClinic();
    String a = clinic.userId(clinic.enrol("DIRECTOR"));
    String b = clinic.userId(clinic.enrol("DIRECTOR"));
    // Quotes count twice once the frozen plan is JSON: this plan is about 12,000 characters.
    JsonArrayBuilder steps = Json.createArrayBuilder();
    for (int i = 0; i < 10; i++) {
      steps.add(
          Json.createObjectBuilder()
              .add("directorIds", Json.createArrayBuilder().add(a).add(b))
              .add("timeoutSeconds", 60));
    }
    Reply policy =
        api.send(
            "PUT",
            "/api/clinics/" + clinic.id() + "/escalation-policy",
            api.signInAsDemoAdmin(),
            "application/json",
            Json.createObjectBuilder()
                .add("steps", steps)
                .add("repeat", 0)
                .add("transferPlan", "\"".repeat(4000))
                .build()
                .toString(),
            Map.of());
    assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
    Reply launched =
        api.post(
            "/api/emergencies",
            clinic.signIn(clinic.enrol("INJECTOR")),
            Json.createObjectBuilder().add("complication", "BURN").build());
    assertThat(launched.status()).as(launched.toString()).isEqualTo(201);

    String admin = api.signInAsDemoAdmin();
    String settings = "/api/clinics/" + clinic.id();
    Map<String, String> refused =
        Map.of(
            "{\"transferPlan\":[null]}", "transferPlan[0]",
            "{\"transferPlan\":[{\"text\":\"\u2003\"}]}", "transferPlan[0].text",
            "{\"transferPlan\":[{\"text\":\"Call\",\"phone\":\"1 ----\"}]}",
                "transferPlan[0].phone",
            "{\"name\":\"\u3000\"}", "name",
            "{\"hours\":[null]}", "hours[0]");
    for (var bad : refused.entrySet()) {
      Reply reply =
          api.send(
              "PATCH", settings, admin, "application/merge-patch+json", bad.getKey(), Map.of());
      assertThat(fields(reply)).as(bad.getKey()).contains(bad.getValue());
    }
    Reply blankName =
        api.post(
            "/api/clinics/" + clinic.id() + "/users",
            admin,
            Json.createObjectBuilder()
                .add("username", fresh("ws"))
                .add("displayName", "\u2003")
                .add("roles", Json.createArrayBuilder().addNull())
                .build());
    assertThat(fields(blankName)).contains("displayName", "roles");
    String someone = clinic.userId(clinic.enrol("INJECTOR"));
    Reply nullClinic =
        api.send(
            "PATCH",
            "/api/users/" + someone,
            admin,
            "application/merge-patch+json",
            "{\"clinicIds\":[null],\"displayName\":\"\u2003\"}",
            Map.of());
    assertThat(fields(nullClinic)).contains("displayName");

    // Instants beyond the years 1 to 9999 are refused, not a 500.
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    for (String path :
        List.of(
            "/overrides?from=%2B1000000000-12-31T23:59:59Z",
            "/overrides?from=-1000000000-01-01T00:00:00Z&to=-1000000000-06-01T00:00:00Z",
            "/on-call?at=%2B1000000000-06-01T00:00:00Z",
            "/on-call/calendar?from=%2B1000000000-06-01T00:00:00Z")) {
      Reply reply = api.get(settings + path, injector);
      assertThat(reply.status()).as(path + " " + reply).isEqualTo(400);
    }
  }

  @Test
  void theTransferPlanIsLinesWithPhonesFrozenIntoEachEmergencyAtLaunch(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 60, "The policy's old text");
    JsonObject plan =
        Json.createObjectBuilder()
            .add(
                "transferPlan",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("text", "Emergency services if the patient cannot see")
                            .add("phone", "911"))
                    .add(Json.createObjectBuilder().add("text", "Send the timeline along")))
            .add(
                "nearestEd",
                Json.createObjectBuilder().add("name", "St Mary's ED").add("phone", "+1 555 0188"))
            .build();
    Reply saved = api.patch("/api/clinics/" + clinic.id(), clinic.demoAdminToken(), plan);
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    assertThat(saved.json().getJsonArray("transferPlan").getJsonObject(0).getString("phone"))
        .isEqualTo("911");
    assertThat(saved.json().getJsonArray("transferPlan").getJsonObject(1).containsKey("phone"))
        .isFalse();

    // Bad lines are refused by field, and change nothing.
    Map<JsonObject, String> refused =
        Map.of(
            lines(Json.createObjectBuilder().add("text", " ")), "transferPlan[0].text",
            lines(Json.createObjectBuilder().add("phone", "911")), "transferPlan[0].text",
            lines(Json.createObjectBuilder().add("text", "Call").add("phone", "call me")),
                "transferPlan[0].phone",
            lines(Json.createObjectBuilder().add("text", "x".repeat(301))), "transferPlan[0].text");
    for (var bad : refused.entrySet()) {
      Reply reply = api.patch("/api/clinics/" + clinic.id(), clinic.demoAdminToken(), bad.getKey());
      assertThat(reply.status()).as(bad.getValue() + " " + reply).isEqualTo(400);
      assertThat(fields(reply)).contains(bad.getValue());
    }
    JsonArrayBuilder eleven = Json.createArrayBuilder();
    for (int i = 0; i < 11; i++) {
      eleven.add(Json.createObjectBuilder().add("text", "line " + i));
    }
    Reply tooMany =
        api.patch(
            "/api/clinics/" + clinic.id(),
            clinic.demoAdminToken(),
            Json.createObjectBuilder().add("transferPlan", eleven).build());
    assertThat(fields(tooMany)).contains("transferPlan");
    assertThat(
            api.get("/api/clinics/" + clinic.id(), clinic.demoAdminToken())
                .json()
                .getJsonArray("transferPlan"))
        .hasSize(2);

    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    String emergency =
        api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder().add("complication", "BURN").build())
            .json()
            .getString("id");
    String expected =
        "Emergency services if the patient cannot see: 911\n"
            + "Send the timeline along\n"
            + "Nearest emergency department, St Mary's ED: +1 555 0188";
    assertThat(transferPlan(api, emergency, injector)).isEqualTo(expected);

    // A later change does not touch the emergency already running; an empty plan removes it.
    Reply cleared =
        api.patch(
            "/api/clinics/" + clinic.id(),
            clinic.demoAdminToken(),
            Json.createObjectBuilder().add("transferPlan", Json.createArrayBuilder()).build());
    assertThat(cleared.json().getJsonArray("transferPlan")).isEmpty();
    assertThat(transferPlan(api, emergency, injector)).isEqualTo(expected);
    api.post("/api/emergencies/" + emergency + "/cancel", injector, null);
    String next =
        api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder().add("complication", "BURN").build())
            .json()
            .getString("id");
    assertThat(transferPlan(api, next, injector))
        .as("without lines the policy's text is shown, the ED still last")
        .isEqualTo(
            "The policy's old text\nNearest emergency department, St Mary's ED: +1 555 0188");
  }

  @Test
  void theChecklistSaysWhatIsMissingUntilTheClinicIsReady(Api api) {
    Api.Clinic clinic = api.newClinic();
    String admin = clinic.demoAdminToken();
    assertThat(missing(api, clinic, admin))
        .containsExactly(
            "DIRECTOR", "ROSTER", "POLICY", "TRANSFER_PLAN", "CONSENT_TEXTS", "PROTOCOLS", "DRILL");
    assertThat(detail(api, clinic, admin, "DIRECTOR")).contains("invite");

    // An invited director who has not chosen a password cannot answer yet.
    Reply invited =
        api.post(
            "/api/clinics/" + clinic.id() + "/users",
            admin,
            invitation(fresh("dir"), "Dr. New", "DIRECTOR"));
    String directorId = invited.json().getString("id");
    assertThat(missing(api, clinic, admin)).contains("DIRECTOR");
    assertThat(detail(api, clinic, admin, "DIRECTOR")).contains("not set their passwords");
    assertThat(choose(api, token(invited.json().getJsonObject("setup")), STRONG).status())
        .isEqualTo(200);

    assertThat(
            api.send(
                    "PUT",
                    "/api/clinics/" + clinic.id() + "/rotation",
                    admin,
                    "application/json",
                    Json.createObjectBuilder()
                        .add("timeZone", "UTC")
                        .add("handoffTime", "08:00")
                        .add("lengthDays", 7)
                        .add("startsOn", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())
                        .add("primary", Json.createArrayBuilder().add(directorId))
                        .add("backup", Json.createArrayBuilder())
                        .build()
                        .toString(),
                    Map.of())
                .status())
        .isEqualTo(200);
    clinic.definePolicy(List.of(List.of(directorId)), 60, "Call 911");
    String officer = clinic.signIn(clinic.enrol("COMPLIANCE_OFFICER"));
    assertThat(
            api
                .get("/api/audit/events?size=100", officer)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> e.getString("objectType").equals("ESCALATION_POLICY"))
                .map(e -> e.getString("detail", ""))
                .toList())
        .as("who changed whom an emergency alerts is in the trail")
        .containsExactly("version 1: 1 named director 60 s; repeat 0");
    api.patch(
        "/api/clinics/" + clinic.id(),
        admin,
        lines(Json.createObjectBuilder().add("text", "Emergency services").add("phone", "911")));
    assertThat(missing(api, clinic, admin)).containsExactly("CONSENT_TEXTS", "PROTOCOLS", "DRILL");
    assertThat(detail(api, clinic, admin, "CONSENT_TEXTS")).contains("video consult", "photos");

    for (String kind : List.of("TELEHEALTH_CONSULT", "PHOTO_CAPTURE_AND_SHARING")) {
      api.post(
          "/api/clinics/" + clinic.id() + "/consent-texts",
          admin,
          Json.createObjectBuilder().add("kind", kind).add("text", "I agree to " + kind).build());
    }
    api.writeProtocols(clinic.id(), api.signInAsDemoAdmin());
    assertThat(detail(api, clinic, admin, "PROTOCOLS"))
        .isEqualTo("A protocol for each complication.");
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    Reply drill =
        api.post(
            "/api/emergencies",
            injector,
            Json.createObjectBuilder().add("complication", "VASOVAGAL").add("drill", true).build());
    assertThat(drill.status()).isEqualTo(201);
    Reply ready = api.get("/api/clinics/" + clinic.id() + "/readiness", admin);
    assertThat(ready.json().getBoolean("ready")).as(ready.toString()).isTrue();
    assertThat(ready.json().getInt("missing")).isZero();

    // Disabling the only director breaks it again, in two places.
    api.patch(
        "/api/users/" + directorId, admin, Json.createObjectBuilder().add("active", false).build());
    assertThat(missing(api, clinic, admin)).containsExactly("DIRECTOR", "ROSTER");
    assertThat(detail(api, clinic, admin, "ROSTER")).contains("disabled");

    // The clinic's directors read it; injectors and other clinics do not.
    assertThat(api.get("/api/clinics/" + clinic.id() + "/readiness", injector).status())
        .isEqualTo(403);
    Api.Clinic other = api.newClinic();
    String otherAdmin = other.signIn(other.enrol("ADMIN"));
    assertThat(api.get("/api/clinics/" + clinic.id() + "/readiness", otherAdmin).status())
        .isEqualTo(404);
  }

  @Test
  void theDemoClinicIsReady(Api api) {
    String admin = api.signInAsDemoAdmin();
    String demo =
        api.get("/api/clinics", admin).array().getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("Demo Med Spa"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    Reply readiness = api.get("/api/clinics/" + demo + "/readiness", admin);
    assertThat(readiness.json().getBoolean("ready")).as(readiness.toString()).isTrue();
    assertThat(readiness.json().getJsonArray("items")).hasSize(7);
    assertThat(
            readiness.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(i -> i.getString("item").equals("PROTOCOLS"))
                .findFirst()
                .orElseThrow()
                .getString("detail"))
        .as("the demo's protocols are examples to adopt")
        .contains("7 are examples");
  }

  // --- helpers -----------------------------------------------------------------------------

  private static JsonObject lines(jakarta.json.JsonObjectBuilder line) {
    return Json.createObjectBuilder()
        .add("transferPlan", Json.createArrayBuilder().add(line))
        .build();
  }

  private static JsonObject staffMember(Api api, Api.Clinic clinic, String username) {
    return api
        .get("/api/clinics/" + clinic.id() + "/users", clinic.demoAdminToken())
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(u -> u.getString("username").equals(username))
        .findFirst()
        .orElseThrow();
  }

  private static List<String> fields(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    return reply.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream()
        .map(v -> v.getString("field"))
        .toList();
  }

  private static List<String> details(Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("detail", ""))
        .toList();
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
  }

  private static String transferPlan(Api api, String emergency, String token) {
    return api.get("/api/emergencies/" + emergency, token).json().getString("transferPlan");
  }

  private static List<String> missing(Api api, Api.Clinic clinic, String token) {
    Reply reply = api.get("/api/clinics/" + clinic.id() + "/readiness", token);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(i -> !i.getBoolean("ready"))
        .map(i -> i.getString("item"))
        .collect(Collectors.toList());
  }

  private static String detail(Api api, Api.Clinic clinic, String token, String item) {
    return api
        .get("/api/clinics/" + clinic.id() + "/readiness", token)
        .json()
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(i -> i.getString("item").equals(item))
        .findFirst()
        .orElseThrow()
        .getString("detail");
  }
}
