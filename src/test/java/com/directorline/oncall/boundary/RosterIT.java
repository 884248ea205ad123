package com.directorline.oncall.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.TestMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The on-call roster through the API: the rotation, overrides, the calendar, handing over now (and
 * the backup told by email), and an emergency alerting whoever is on call when it launches.
 */
@ExtendWith(ApiServer.class)
class RosterIT {

  /** A clinic with two directors (Ana first), an injector, an admin and a second clinic's admin. */
  record Team(
      Api api,
      Api.Clinic clinic,
      String ana,
      String ben,
      String anaId,
      String benId,
      String admin) {

    static Team open(Api api) {
      Api.Clinic clinic = api.newClinic();
      String ana = clinic.enrol("DIRECTOR");
      String ben = clinic.enrol("DIRECTOR");
      String admin = clinic.signIn(clinic.enrol("ADMIN"));
      return new Team(api, clinic, ana, ben, clinic.userId(ana), clinic.userId(ben), admin);
    }

    /** 28-day shifts from today 00:00 UTC: Ana primary and Ben backup for the whole test. */
    Reply rotation(String token, JsonObject body) {
      return api.send(
          "PUT",
          "/api/clinics/" + clinic.id() + "/rotation",
          token,
          "application/json",
          body.toString(),
          Map.of());
    }

    JsonObject anaFirst() {
      return Json.createObjectBuilder()
          .add("timeZone", "UTC")
          .add("handoffTime", "00:00")
          .add("lengthDays", 28)
          .add("startsOn", LocalDate.now(ZoneOffset.UTC).toString())
          .add("primary", Json.createArrayBuilder().add(anaId).add(benId))
          .add("backup", Json.createArrayBuilder().add(benId).add(anaId))
          .build();
    }

    JsonObject onCall(String at) {
      Reply reply =
          api.get(
              "/api/clinics/" + clinic.id() + "/on-call" + (at == null ? "" : "?at=" + at), admin);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      return reply.json();
    }
  }

  private static String who(JsonObject onCall, String line) {
    return onCall.containsKey(line) ? onCall.getJsonObject(line).getString("id") : null;
  }

  @Test
  void anAdminDefinesTheRotationAndTheRosterAnswersWhoIsOnCall(Api api) {
    Team team = Team.open(api);
    Reply defined = team.rotation(team.admin(), team.anaFirst());
    assertThat(defined.status()).as(defined.toString()).isEqualTo(200);
    assertThat(defined.json().getJsonArray("primary").getJsonObject(0).getString("displayName"))
        .isEqualTo("Test DIRECTOR");
    assertThat(defined.json().getString("handoffTime")).isEqualTo("00:00");

    JsonObject now = team.onCall(null);
    assertThat(who(now, "primary")).isEqualTo(team.anaId());
    assertThat(who(now, "backup")).isEqualTo(team.benId());
    Instant nextShift =
        LocalDate.now(ZoneOffset.UTC).plusDays(28).atStartOfDay().toInstant(ZoneOffset.UTC);
    assertThat(who(team.onCall(nextShift.toString()), "primary")).isEqualTo(team.benId());
    assertThat(team.onCall(nextShift.minusSeconds(86400 * 40).toString()).containsKey("primary"))
        .as("before the rotation starts, nobody")
        .isFalse();

    // Staff read it; only admins change it; another clinic's admin does not see it.
    String injector = team.clinic().signIn(team.clinic().enrol("INJECTOR"));
    assertThat(api.get("/api/clinics/" + team.clinic().id() + "/rotation", injector).status())
        .isEqualTo(200);
    assertThat(team.rotation(injector, team.anaFirst()).status()).isEqualTo(403);
    String stranger = Team.open(api).admin();
    assertThat(team.rotation(stranger, team.anaFirst()).status()).isEqualTo(404);
    assertThat(api.get("/api/clinics/" + team.clinic().id() + "/on-call", stranger).status())
        .isEqualTo(404);

    // Bad rotations are refused by field, and change nothing.
    String injectorId = team.clinic().userId(team.clinic().enrol("INJECTOR"));
    Map<JsonObject, String> refused =
        Map.of(
            Json.createObjectBuilder(team.anaFirst())
                .add("primary", Json.createArrayBuilder().add(injectorId))
                .build(),
            "primary[0]",
            Json.createObjectBuilder(team.anaFirst()).add("lengthDays", 0).build(),
            "lengthDays",
            Json.createObjectBuilder(team.anaFirst()).add("handoffTime", "8:00").build(),
            "handoffTime",
            Json.createObjectBuilder(team.anaFirst()).add("startsOn", "2026-02-30").build(),
            "startsOn",
            Json.createObjectBuilder(team.anaFirst()).add("timeZone", "Mars/Olympus").build(),
            "timeZone",
            Json.createObjectBuilder(team.anaFirst())
                .add("primary", Json.createArrayBuilder())
                .build(),
            "primary");
    for (var bad : refused.entrySet()) {
      Reply reply = team.rotation(team.admin(), bad.getKey());
      assertThat(reply.status()).as(bad.getValue() + " " + reply).isEqualTo(400);
      assertThat(reply.json().getJsonArray("violations").getJsonObject(0).getString("field"))
          .isEqualTo(bad.getValue());
    }
    assertThat(who(team.onCall(null), "primary")).isEqualTo(team.anaId());
  }

  @Test
  void overridesWinForTheirTimeShowInTheCalendarAndGoAway(Api api) {
    Team team = Team.open(api);
    assertThat(team.rotation(team.admin(), team.anaFirst()).status()).isEqualTo(200);
    Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofHours(2));
    Instant to = from.plus(Duration.ofHours(3));
    Reply covered =
        api.post(
            "/api/clinics/" + team.clinic().id() + "/overrides",
            team.admin(),
            Json.createObjectBuilder()
                .add("line", "PRIMARY")
                .add("userId", team.benId())
                .add("from", from.toString())
                .add("to", to.toString())
                .add("reason", "Ana at a conference")
                .build());
    assertThat(covered.status()).as(covered.toString()).isEqualTo(201);
    String overrideId = covered.json().getString("id");
    assertThat(covered.header("Location")).endsWith("/overrides/" + overrideId);
    assertThat(who(team.onCall(from.plusSeconds(60).toString()), "primary"))
        .isEqualTo(team.benId());
    assertThat(who(team.onCall(to.toString()), "primary")).isEqualTo(team.anaId());
    // The list of overrides shows it whole, with its reason, to the clinic's staff.
    List<JsonObject> listed =
        api.get(
                "/api/clinics/" + team.clinic().id() + "/overrides",
                team.clinic().signIn(team.ana()))
            .array()
            .getValuesAs(JsonObject.class);
    assertThat(listed).extracting(o -> o.getString("id")).containsExactly(overrideId);
    assertThat(listed.get(0).getString("reason")).isEqualTo("Ana at a conference");
    assertThat(listed.get(0).getString("to")).isEqualTo(to.toString());
    assertThat(
            api.get(
                    "/api/clinics/" + team.clinic().id() + "/overrides?from=" + to + "&to=" + from,
                    team.admin())
                .status())
        .isEqualTo(400);

    Reply calendar =
        api.get(
            "/api/clinics/"
                + team.clinic().id()
                + "/on-call/calendar?from="
                + from.minus(Duration.ofHours(1))
                + "&to="
                + to.plus(Duration.ofHours(1)),
            team.clinic().signIn(team.ana()));
    assertThat(calendar.status()).as(calendar.toString()).isEqualTo(200);
    List<JsonObject> primary =
        calendar.array().getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("line").equals("PRIMARY"))
            .toList();
    assertThat(primary)
        .extracting(
            s -> s.getJsonObject("person").getString("id").equals(team.anaId()) ? "ana" : "ben")
        .containsExactly("ana", "ben", "ana");
    assertThat(primary.get(1).getString("overrideId")).isEqualTo(overrideId);
    assertThat(primary.get(1).getString("from")).isEqualTo(from.toString());

    // A director cannot give away a stretch that is not theirs.
    Reply notMine =
        api.post(
            "/api/clinics/" + team.clinic().id() + "/overrides",
            team.clinic().signIn(team.ben()),
            Json.createObjectBuilder()
                .add("line", "PRIMARY")
                .add("userId", team.benId())
                .add("from", to.plus(Duration.ofHours(1)).toString())
                .add("to", to.plus(Duration.ofHours(2)).toString())
                .build());
    assertThat(notMine.status()).as(notMine.toString()).isEqualTo(403);
    assertThat(notMine.json().getString("type")).endsWith("not-your-shift");
    Reply backwards =
        api.post(
            "/api/clinics/" + team.clinic().id() + "/overrides",
            team.admin(),
            Json.createObjectBuilder()
                .add("line", "PRIMARY")
                .add("userId", team.benId())
                .add("from", to.toString())
                .add("to", from.toString())
                .build());
    assertThat(backwards.status()).isEqualTo(400);
    assertThat(backwards.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("to");

    assertThat(
            api.send(
                    "DELETE",
                    "/api/clinics/" + team.clinic().id() + "/overrides/" + overrideId,
                    team.admin(),
                    null,
                    null,
                    Map.of())
                .status())
        .isEqualTo(204);
    assertThat(who(team.onCall(from.plusSeconds(60).toString()), "primary"))
        .isEqualTo(team.anaId());
    assertThat(api.get("/api/clinics/" + team.clinic().id() + "/overrides", team.admin()).array())
        .isEmpty();
  }

  @Test
  void theDirectorOnCallHandsOverNowTheBackupIsToldAndAnEmergencyAlertsTheBackup(Api api)
      throws Exception {
    Team team = Team.open(api);
    assertThat(team.rotation(team.admin(), team.anaFirst()).status()).isEqualTo(200);
    // The policy names the roster, not people.
    Reply policy =
        api.send(
            "PUT",
            "/api/clinics/" + team.clinic().id() + "/escalation-policy",
            team.clinic().demoAdminToken(),
            "application/json",
            Json.createObjectBuilder()
                .add(
                    "steps",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("onCall", "PRIMARY")
                                .add("timeoutSeconds", 600))
                        .add(
                            Json.createObjectBuilder()
                                .add("onCall", "BACKUP")
                                .add("timeoutSeconds", 600)))
                .add("repeat", 0)
                .add("transferPlan", "Call 911")
                .build()
                .toString(),
            Map.of());
    assertThat(policy.status()).as(policy.toString()).isEqualTo(200);
    assertThat(policy.json().getJsonArray("steps").getJsonObject(0).getString("onCall"))
        .isEqualTo("PRIMARY");
    String injector = team.clinic().signIn(team.clinic().enrol("INJECTOR"));
    JsonObject launch = Json.createObjectBuilder().add("complication", "BURN").build();
    String first = api.post("/api/emergencies", injector, launch).json().getString("id");
    assertThat(alerted(api, first, injector)).containsExactly(team.anaId());

    // Ana, on the primary line, cannot take calls for two hours: Ben, the backup, takes over.
    Reply handOver =
        api.post(
            "/api/clinics/" + team.clinic().id() + "/on-call/hand-over",
            team.clinic().signIn(team.ana()),
            Json.createObjectBuilder().add("minutes", 120).build());
    assertThat(handOver.status()).as(handOver.toString()).isEqualTo(201);
    assertThat(handOver.json().getJsonObject("person").getString("id")).isEqualTo(team.benId());
    assertThat(who(team.onCall(null), "primary")).isEqualTo(team.benId());
    MimeMessage told =
        Awaitility.await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    Arrays.stream(TestMail.server().getReceivedMessages())
                        .filter(
                            m -> {
                              try {
                                return m.getAllRecipients()[0]
                                    .toString()
                                    .equals(team.ben() + "@clinic.test");
                              } catch (Exception e) {
                                return false;
                              }
                            })
                        .findFirst()
                        .orElse(null),
                m -> m != null);
    assertThat(told.getSubject()).contains("you are on call (primary)");
    assertThat(GreenMailUtil.getBody(told)).contains("handed the primary on-call line over to you");

    String second = api.post("/api/emergencies", injector, launch).json().getString("id");
    assertThat(alerted(api, second, injector))
        .as("the hand-over holds at launch: Ben first")
        .containsExactly(team.benId());
    // Ben is on both lines now: the backup step is left out rather than alerting him twice, so
    // his decline ends the round at once.
    String benToken = team.clinic().signIn(team.ben());
    assertThat(api.post("/api/emergencies/" + second + "/decline", benToken, null).status())
        .isEqualTo(200);
    assertThat(api.get("/api/emergencies/" + second, injector).json().getString("status"))
        .isEqualTo("UNANSWERED");

    Reply again =
        api.post(
            "/api/clinics/" + team.clinic().id() + "/on-call/hand-over",
            team.clinic().signIn(team.ana()),
            Json.createObjectBuilder().add("minutes", 60).build());
    assertThat(again.status()).as("Ana is not on call any more").isEqualTo(409);
    Reply tooShort =
        api.post(
            "/api/clinics/" + team.clinic().id() + "/on-call/hand-over",
            team.clinic().signIn(team.ben()),
            Json.createObjectBuilder().add("minutes", 5).build());
    assertThat(tooShort.status()).isEqualTo(400);
  }

  private static List<String> alerted(Api api, String emergency, String token) {
    return api
        .get("/api/emergencies/" + emergency, token)
        .json()
        .getJsonObject("escalation")
        .getJsonArray("alerted")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(a -> a.containsKey("id") ? a.getString("id") : a.getString("directorId"))
        .toList();
  }

  @Test
  void theCoverageCheckNamesEveryStretchWithNobodyOrADisabledDirectorOnCall(Api api) {
    Team team = Team.open(api);
    String gapsPath = "/api/clinics/" + team.clinic().id() + "/on-call/gaps";
    List<JsonObject> none = api.get(gapsPath, team.admin()).array().getValuesAs(JsonObject.class);
    assertThat(none)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.getString("line")).isEqualTo("PRIMARY");
              assertThat(g.getString("why")).isEqualTo("nobody is on call");
              assertThat(
                      Duration.between(
                          Instant.parse(g.getString("from")), Instant.parse(g.getString("to"))))
                  .isEqualTo(Duration.ofDays(7));
            });

    assertThat(team.rotation(team.admin(), team.anaFirst()).status()).isEqualTo(200);
    assertThat(api.get(gapsPath, team.admin()).array()).as("covered").isEmpty();

    Reply disabled =
        api.patch(
            "/api/users/" + team.benId(),
            team.admin(),
            Json.createObjectBuilder().add("active", false).build());
    assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
    assertThat(api.get(gapsPath, team.admin()).array().getValuesAs(JsonObject.class))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.getString("line")).isEqualTo("BACKUP");
              assertThat(g.getString("userId")).isEqualTo(team.benId());
              assertThat(g.getString("why")).isEqualTo("the director on call is disabled");
            });
    String injector = team.clinic().signIn(team.clinic().enrol("INJECTOR"));
    assertThat(api.get(gapsPath, injector).status()).isEqualTo(403);
  }

  /**
   * A lock keeps a director out only where they sign in (a guesser elsewhere locks themselves): a
   * lock from the director's own address is a gap for as long as it lasts, and the admin's unlock
   * ends it.
   */
  @Test
  void aDirectorOnCallLockedOutWhereTheySignInIsAGapUntilUnlocked(Api api) {
    Team team = Team.open(api);
    String gapsPath = "/api/clinics/" + team.clinic().id() + "/on-call/gaps";
    assertThat(team.rotation(team.admin(), team.anaFirst()).status()).isEqualTo(200);
    Map<String, String> anasPhone = Map.of("X-Forwarded-For", "198.51.100.17");
    Map<String, String> guesser = Map.of("X-Forwarded-For", "203.0.113.9");
    assertThat(api.login(team.ana(), Api.Clinic.PASSWORD, anasPhone).status()).isEqualTo(200);

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(api.login(team.ana(), "guess " + attempt, guesser).status()).isEqualTo(401);
    }
    assertThat(api.login(team.ana(), Api.Clinic.PASSWORD, guesser).status()).isEqualTo(429);
    assertThat(api.get(gapsPath, team.admin()).array())
        .as("a guesser's address is locked, not Ana's phone")
        .isEmpty();

    Instant before = Instant.now();
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(api.login(team.ana(), "typo " + attempt, anasPhone).status()).isEqualTo(401);
    }
    assertThat(api.get(gapsPath, team.admin()).array().getValuesAs(JsonObject.class))
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.getString("line")).isEqualTo("PRIMARY");
              assertThat(g.getString("userId")).isEqualTo(team.anaId());
              assertThat(g.getString("why"))
                  .isEqualTo("the director on call is locked out of signing in");
              assertThat(Instant.parse(g.getString("to")))
                  .as("the gap lasts as long as the lock, not the shift")
                  .isBetween(
                      before.plus(Duration.ofMinutes(14)), before.plus(Duration.ofMinutes(16)));
            });

    Reply unlocked = api.post("/api/users/" + team.anaId() + "/unlock", team.admin(), null);
    assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
    assertThat(api.get(gapsPath, team.admin()).array()).as("unlocked").isEmpty();
  }

  @Test
  void theAdminsOfAClinicWithGapsAreWarnedByEmailOnceADay(Api api) throws Exception {
    // A new clinic has no roster; its only admin from the first moment is the one who opened it.
    Api.Clinic clinic = api.newClinic();
    String clinicName =
        api.get("/api/clinics/" + clinic.id(), clinic.demoAdminToken()).json().getString("name");
    MimeMessage warning =
        Awaitility.await()
            .atMost(Duration.ofSeconds(60))
            .until(() -> warnings(clinicName), found -> !found.isEmpty())
            .get(0);
    assertThat(warning.getSubject())
        .isEqualTo("DirectorLine: on-call gaps at " + clinicName + " in the next 7 days");
    assertThat(warning.getAllRecipients()[0].toString())
        .as("the demo admin, who opened it")
        .startsWith("admin@");
    assertThat(GreenMailUtil.getBody(warning))
        .contains("primary line")
        .contains("nobody is on call")
        .contains("(UTC)");
    // A later round of the check (every 10 s here) does not warn again that day: a clinic opened
    // after the warning is warned in a later round, which passed this clinic too.
    Api.Clinic later = api.newClinic();
    String laterName =
        api.get("/api/clinics/" + later.id(), later.demoAdminToken()).json().getString("name");
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> warnings(laterName), found -> !found.isEmpty());
    assertThat(warnings(clinicName)).hasSize(1);
  }

  private static List<MimeMessage> warnings(String clinicName) {
    return Arrays.stream(TestMail.server().getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getSubject()
                    .equals("DirectorLine: on-call gaps at " + clinicName + " in the next 7 days");
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }
}
