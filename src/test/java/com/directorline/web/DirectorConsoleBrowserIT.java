package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Browser;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/** The director's console: how an alert gets attention, and answers given elsewhere. */
@ExtendWith(ApiServer.class)
class DirectorConsoleBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);

  /**
   * The desktop's notification centre lives outside our machines: the page's {@code Notification}
   * is replaced by one that records what it was asked to show, with permission granted.
   */
  private static final String RECORD_NOTIFICATIONS =
      "window.shown = []; window.Notification = class {"
          + " static permission = 'granted';"
          + " static requestPermission() { return Promise.resolve('granted'); }"
          + " constructor(title, options) { window.shown.push({ title, ...options }); } };";

  private static String launch(Api api, String injectorToken, String patient) {
    Reply launched =
        api.post(
            "/api/emergencies",
            injectorToken,
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("patientRef", patient)
                .add("patientInitials", "QZ")
                .add("note", "dusky patch on the nose")
                .build());
    assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    return launched.json().getString("id");
  }

  @Test
  void anAlertRingsAndNotifiesWithoutPatientDataAndADeclineHandsItOn(Api api) {
    Api.Clinic clinic = api.newClinic();
    String first = clinic.enrol("DIRECTOR");
    String second = clinic.enrol("DIRECTOR");
    clinic.definePolicy(
        List.of(List.of(clinic.userId(first)), List.of(clinic.userId(second))), 600, "Call 911.");
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.signIn(first, Api.Clinic.PASSWORD, "/director.html");
      desk.text("console-state", "On call", SOON);
      desk.script(RECORD_NOTIFICATIONS);
      // Going on call is asked for as the console opens; until then it says alerts are silent.
      assertThat(desk.visible("start-dialog").getText()).contains("Start on call");
      assertThat(desk.driver().findElement(By.id("alert-channels")).getAttribute("textContent"))
          .contains("notifications are OFF");
      desk.screenshot("director-start-on-call");
      desk.click("start-on-call");
      desk.text("alert-channels", "notifications are on", SOON);
      assertThat(desk.driver().findElement(By.id("start-dialog")).isDisplayed()).isFalse();

      String id = launch(api, injector, patient);
      desk.visible("alert-" + id);
      desk.until(SOON, d -> d.getTitle().contains("EMERGENCY"));
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> shown =
          (List<Map<String, Object>>) desk.script("return window.shown");
      assertThat(shown).hasSize(1);
      assertThat(shown.get(0).get("title")).isEqualTo("DirectorLine: Vascular occlusion");
      assertThat(shown.get(0).get("tag")).isEqualTo(id);
      assertThat(shown.get(0).toString()).doesNotContain(patient).doesNotContain("dusky");

      desk.click("decline-" + id);
      desk.text("alert-" + id, "You declined", SOON);
      desk.until(SOON, d -> d.getTitle().equals("DirectorLine — on-call console"));
      Reply now = api.get("/api/emergencies/" + id, clinic.signIn(second));
      assertThat(now.json().getJsonObject("escalation").getInt("step")).isEqualTo(2);
    }
  }

  @Test
  void anAlertAnsweredInAnotherTabClosesAndOpensFromHere(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911.");
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.signIn(director, Api.Clinic.PASSWORD, "/director.html");
      desk.click("start-on-call");
      desk.text("console-state", "On call", SOON);
      String id = launch(api, injector, patient);
      desk.visible("accept-" + id);

      // The same director accepts from their phone.
      Reply accepted =
          api.post("/api/emergencies/" + id + "/accept", clinic.signIn(director), null);
      assertThat(accepted.status()).isEqualTo(200);
      desk.text("alert-" + id, "Test DIRECTOR accepted this emergency", SOON);
      assertThat(desk.driver().findElements(By.id("accept-" + id))).isEmpty();

      desk.driver()
          .findElement(By.xpath("//li[@id='alert-" + id + "']//button[.='Open this emergency']"))
          .click();
      desk.text("case-title", patient, SOON);
      desk.screenshot("director-opened-from-another-tab");
      // In a console opened afresh, the emergency this director took on is a click away.
      desk.script("sessionStorage.removeItem('directorline.director.emergency')");
      desk.go("/director.html");
      desk.click("start-later");
      desk.text("mine-list", "Vascular occlusion", SOON);
      desk.screenshot("director-my-open-emergencies");
      desk.click("mine-" + id);
      desk.text("case-title", patient, SOON);
    }
  }

  @Test
  void theDirectorOnCallSeesTheirTurnAndHandsOverForTwoHours(Api api) {
    Api.Clinic clinic = api.newClinic();
    String ana = clinic.enrol("DIRECTOR");
    String ben = clinic.enrol("DIRECTOR");
    String anaId = clinic.userId(ana);
    String benId = clinic.userId(ben);
    Reply rotation =
        api.send(
            "PUT",
            "/api/clinics/" + clinic.id() + "/rotation",
            clinic.demoAdminToken(),
            "application/json",
            Json.createObjectBuilder()
                .add("timeZone", "UTC")
                .add("handoffTime", "00:00")
                .add("lengthDays", 28)
                .add("startsOn", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString())
                .add("primary", Json.createArrayBuilder().add(anaId).add(benId))
                .add("backup", Json.createArrayBuilder().add(benId).add(anaId))
                .build()
                .toString(),
            Map.of());
    assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);

    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.signIn(ana, Api.Clinic.PASSWORD, "/director.html");
      desk.click("start-on-call");
      desk.text("my-roster-state", "you are the primary on call until", SOON);
      desk.screenshot("director-on-call-turn");
      new org.openqa.selenium.support.ui.Select(desk.visible("hand-over-minutes"))
          .selectByValue("120");
      desk.click("hand-over");
      desk.text("my-roster-state", "covers the primary line until", SOON);
      desk.text("my-roster-state", "does not have you on call now", SOON);
      assertThat(desk.driver().findElement(By.id("hand-over-form")).isDisplayed()).isFalse();
      desk.screenshot("director-handed-over");
    }
    // A new session: the one opened with the clinic has idled out meanwhile (10 s in tests).
    Reply onCall = api.get("/api/clinics/" + clinic.id() + "/on-call", api.signInAsDemoAdmin());
    assertThat(onCall.status()).as(onCall.toString()).isEqualTo(200);
    assertThat(onCall.json().getJsonObject("primary").getString("id")).isEqualTo(benId);
  }
}
