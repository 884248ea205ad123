package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Browser;
import com.directorline.testing.StandInJitsi;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestRun;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The core journey in three real Chromium windows, as the demo clinic's people would live it: the
 * injector on a phone launches and records consent, the director's console shows the alert and
 * accepts, both get the call panel (no Jitsi server is reachable here, so the phone fallback), the
 * injector's photo appears on the director's page, the director writes guidance and ends, and the
 * compliance officer finds every access. Its own server (with the demo data and the production idle
 * timeout) so a console waiting for an alert is not logged off by the shared test server's
 * 10-second timeout.
 */
class EmergencyJourneyBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static StandInJitsi jitsi;
  private static TestServer server;

  @BeforeAll
  static void boot() {
    jitsi = StandInJitsi.start();
    server =
        TestServer.start(
            "journey",
            TestDatabase.createAnother(),
            Map.of("DIRECTORLINE_JITSI_DOMAIN", jitsi.domain()));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (jitsi != null) {
      jitsi.close();
    }
  }

  @Test
  void injectorDirectorAndComplianceOfficerGoThroughAnEmergency() throws Exception {
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    Path photo = Files.createTempFile("treated-area", ".jpg");
    Files.write(photo, TestImages.phoneJpeg(640, 480, 1));
    // The Jitsi server is down: the pages must offer the phone instead.
    jitsi.setReachable(false);

    try (Browser director = Browser.open(server.baseUrl(), false);
        Browser phone = Browser.open(server.baseUrl(), true);
        Browser compliance = Browser.open(server.baseUrl(), false)) {

      // The director opens the on-call console and waits.
      director.signIn("director", TestRun.DEMO_PASSWORD, "/director.html");
      director.visible("start-on-call");
      look(director, "journey-0-director-start-on-call");
      director.click("start-on-call");
      director.text("console-state", "On call", SOON);
      look(director, "journey-1-director-console-waiting");

      // The injector's Emergency button is on the first screen of a 375 x 667 phone.
      phone.signIn("injector", TestRun.DEMO_PASSWORD, "/injector.html");
      WebElement button = phone.visible("emergency-button");
      Number bottom =
          (Number) phone.script("return arguments[0].getBoundingClientRect().bottom", button);
      Number viewport = (Number) phone.script("return window.innerHeight");
      assertThat(bottom.doubleValue()).isLessThanOrEqualTo(viewport.doubleValue());
      assertThat(
              (Boolean)
                  phone.script(
                      "const who = document.getElementById('who');"
                          + " return who.textContent.length > 0"
                          + " && who.scrollWidth <= who.clientWidth"))
          .as("the user's name is not cut off in the phone's header")
          .isTrue();
      look(phone, "journey-2-injector-start");

      // Alert first: Emergency, then one tap on the complication. No typing, no scrolling; the
      // time runs from the first tap (the phone's clock) to the card on the console (the
      // director's clock, the same machine's).
      phone.script(
          "document.getElementById('emergency-button').addEventListener('click',"
              + " () => { window.tappedAt = Date.now(); }, { once: true })");
      director.script(
          "window.alertedAt = null; new MutationObserver((changes, observer) => {"
              + " if (document.querySelector('#alerts .alert-card')) {"
              + " window.alertedAt = Date.now(); observer.disconnect(); } })"
              + ".observe(document.getElementById('alerts'), { childList: true })");
      button.click(); // tap 1
      WebElement complication = phone.visible("complication-VASCULAR_OCCLUSION");
      Number complicationBottom =
          (Number) phone.script("return arguments[0].getBoundingClientRect().bottom", complication);
      assertThat(complicationBottom.doubleValue())
          .as("the complication is on the first screen")
          .isLessThanOrEqualTo(viewport.doubleValue());
      look(phone, "journey-3-injector-one-tap");
      complication.click(); // tap 2: the alert goes out
      phone.text("status-title", "Alerting Dr. Dana Director", SOON);

      String id = emergencyOn(phone);
      WebElement alert = director.visibleCss("#alert-" + id, Duration.ofSeconds(2));
      long tapped = ((Number) phone.script("return window.tappedAt")).longValue();
      long alerted =
          director
              .until(SOON, d -> (Number) director.script("return window.alertedAt"))
              .longValue();
      assertThat(alerted - tapped)
          .as("ms from the tap on Emergency to the alert on the console")
          .isLessThanOrEqualTo(1000);
      assertThat(alert.getText())
          .contains("Vascular occlusion")
          .containsIgnoringCase("Demo Med Spa");
      assertThat(alert.getText()).as("alerts carry no patient data").doesNotContain(patient);
      look(director, "journey-4-director-alert");

      // While the director is alerted, the injector adds the patient; the card shows them.
      phone.until(
          SOON, d -> "patient-ref".equals(phone.script("return document.activeElement.id")));
      phone.type("patient-ref", patient);
      phone.type("patient-initials", "JD");
      phone.type("patient-note", "Possible VO. Blanching and livedo, left nasolabial fold");
      assertThat(phone.visible("patient-note-count").getText()).startsWith("55 / 2000");
      look(phone, "journey-4b-injector-adds-patient");
      phone.click("patient-save");
      phone.text("patient-summary", patient, SOON);
      director.text("alert-note-" + id, "Possible VO", SOON);
      assertThat(director.visible("alert-who-" + id).getText())
          .contains("patient JD")
          .doesNotContain(patient);
      look(director, "journey-4c-director-alert-with-note");

      assertThat(phone.text("countdown", "until the next director")).contains("s until");
      // The transfer plan is one tap away while directors are being alerted.
      assertThat(phone.visible("transfer-summary").getText()).contains("if no director answers");
      assertThat(phone.driver().findElement(By.id("transfer-plan")).getAttribute("textContent"))
          .contains("Call 911");
      // Every number in the plan is a tap-to-call link; an address is not.
      assertThat(
              phone.driver().findElements(By.cssSelector("#transfer-plan a.tel")).stream()
                  .map(a -> a.getAttribute("href")))
          .containsExactly("tel:911", "tel:+15550199");
      look(phone, "journey-5-injector-alerting");

      // Consent while waiting: the demo clinic's texts, verbal with a witness.
      phone.click("consent-record-open");
      phone.visible("consent-kind-TELEHEALTH_CONSULT");
      phone.type("consent-name", "J. Doe");
      phone.type("consent-witness", "Morgan Front Desk");
      phone.click("consent-save");
      phone.text("consent-state", "Photos: consent in effect", SOON);
      assertThat(phone.visible("consent-state").getText())
          .contains("Video consult: consent in effect");

      // Accept; both pages show the call panel with the phone fallback.
      director.click("accept-" + id);
      director.text("case-title", patient, SOON);
      director.text("fact-consent", "Telehealth consent on file", SOON);
      director.text("fallback-phone", "+1 555 0102", SOON);
      assertThat(director.visible("call").getText()).contains("cannot be reached");
      phone.text("status-title", "Dr. Dana Director accepted", SOON);
      phone.text("fallback-phone", "+1 555 0100", SOON);
      assertThat(phone.driver().findElement(By.id("fallback-phone")).getAttribute("href"))
          .isEqualTo("tel:+15550100");
      // The status says what is true: the call fell back to the phone, not "joining".
      assertThat(phone.text("status-detail", "by phone", SOON))
          .contains("call Dr. Dana Director by phone")
          .doesNotContain("joining");
      look(phone, "journey-6-injector-call-fallback");

      // A photo from the phone appears on the director's page.
      phone.chooseFile("photo-input", photo);
      phone.text("photo-message", "Photo added", SOON);
      look(phone, "journey-7-injector-photo");
      WebElement thumb = director.visibleCss("#photos button.thumb img", SOON);
      director.until(
          SOON, d -> (Boolean) director.script("return arguments[0].naturalWidth === 640", thumb));
      look(director, "journey-8-director-workspace");
      director.visibleCss("#photos button.thumb", SOON).click();
      director.until(
          SOON, ExpectedConditions.attributeToBeNotEmpty(director.visible("photo-large"), "src"));
      look(director, "journey-9-director-photo-enlarged");
      director.click("photo-close");

      // Guidance into the timeline, then the end with the outcome.
      director.type(
          "note-text", "Hyaluronidase 500 U to the area; reassess capillary refill in 15 min");
      director.click("note-save");
      director.text("timeline", "Hyaluronidase 500 U", SOON);
      // On the phone the guidance is the first thing on the page, and the injector answers.
      phone.text("guidance-text", "Hyaluronidase 500 U", SOON);
      Number guidanceTop =
          (Number)
              phone.script(
                  "return document.getElementById('guidance').getBoundingClientRect().top");
      Number statusTop =
          (Number)
              phone.script(
                  "return document.getElementById('status-card').getBoundingClientRect().top");
      assertThat(guidanceTop.doubleValue())
          .isLessThan(statusTop.doubleValue())
          .isLessThan(viewport.doubleValue());
      look(phone, "journey-9b-injector-guidance-on-top");
      phone.click("quick-reply-1");
      director.text("timeline", "Capillary refill under 3 s", SOON);
      // The reply is also above the call on the director's page.
      assertThat(director.text("from-injector-text", "Capillary refill", SOON))
          .isEqualTo("Capillary refill under 3 s");
      phone.text("timeline", "Hyaluronidase 500 U", SOON);
      assertThat(director.visible("timeline").getText())
          .contains("photo added")
          .contains("accepted");
      // No outcome is chosen for the director, and ending asks once more.
      director.click("end-button");
      director.text("end-error", "Choose how the emergency ended", SOON);
      director.click("end-outcome-RESOLVED_ON_SITE");
      director.type("end-summary", "Blanching resolved after one cycle; follow-up call tomorrow.");
      assertThat(director.visible("end-summary-count").getText()).endsWith("/ 4000");
      director.click("end-button");
      director.text("end-confirm-text", "Resolved on site", SOON);
      look(director, "journey-9c-director-confirms-the-end");
      director.click("end-confirm-yes");
      director.text("ended-title", "Resolved on site", SOON);
      // The summary for the chart is kept: on the director's page and on both timelines.
      director.text("ended-summary", "Blanching resolved after one cycle", SOON);
      director.text("timeline", "Blanching resolved after one cycle", SOON);
      phone.text("timeline", "Blanching resolved after one cycle", SOON);
      look(director, "journey-10-director-ended");
      phone.text("status-title", "Emergency ended", SOON);
      assertThat(phone.visible("ended-detail").getText()).contains("follow-up checks");
      look(phone, "journey-11-injector-ended");

      // A console opened now replays the recent alert, shown as answered: nothing to accept.
      try (Browser later = Browser.open(server.baseUrl(), false)) {
        later.signIn("director", TestRun.DEMO_PASSWORD, "/director.html");
        later.click("start-later");
        // Answered alerts replayed as the console opens go into the collapsed history.
        later.text("alert-history-summary", "Earlier alerts", SOON);
        later.click("alert-history-summary");
        later.text("alert-" + id, "Ended: Resolved on site", SOON);
        assertThat(later.driver().findElements(By.id("accept-" + id))).isEmpty();
      }

      // The compliance officer sees the trail intact and every access to this patient.
      compliance.signIn("compliance", TestRun.DEMO_PASSWORD, "/compliance.html");
      compliance.text("verification-title", "intact", SOON);
      compliance.type("f-patient", patient);
      compliance.click("search-button");
      compliance.text("search-summary", "newest first", SOON);
      String events = compliance.visible("events").getText();
      assertThat(events).contains("director").contains("injector").contains(patient);
      assertThat(events).contains("photo").contains("READ").contains("CREATE");
      look(compliance, "journey-12-compliance-search");
      compliance.click("export-csv");
      compliance.text("search-summary", "Exported as CSV", SOON);

      compliance.click("tab-report");
      compliance.click("report-button");
      assertThat(compliance.text("report-error", "Enter"))
          .isEqualTo("Enter the patient reference.");
      compliance.type("r-patient", patient);
      compliance.click("report-button");
      String people = compliance.visible("report-people").getText();
      assertThat(people).contains("director").contains("injector");
      List<WebElement> photoViews =
          compliance
              .driver()
              .findElements(By.xpath("//table[@id='report-table']//tr[td[4][.='photo']]"));
      assertThat(photoViews)
          .as("the photo's upload and the director's view")
          .hasSizeGreaterThanOrEqualTo(2);
      look(compliance, "journey-13-compliance-access-report");

      compliance.click("tab-flags");
      compliance.visibleCss("#flag-table tbody tr", SOON);
      compliance.type("review-note", "Checked the day's flags: the journey test's own accesses.");
      compliance.click("review-save");
      compliance.text("review-done", "Review attested", SOON);
      compliance.text("reviews", "journey test", SOON);
      look(compliance, "journey-14-compliance-flags");
    }
  }

  @Test
  void bothJoinTheJitsiRoomWithTheirGrantAndTheDirectorJoiningConnects() {
    jitsi.setReachable(true);
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser director = Browser.open(server.baseUrl(), false);
        Browser phone = Browser.open(server.baseUrl(), true)) {
      director.signIn("director", TestRun.DEMO_PASSWORD, "/director.html");
      director.click("start-on-call");
      director.text("console-state", "On call", SOON);
      phone.signIn("injector", TestRun.DEMO_PASSWORD, "/injector.html");
      phone.click("emergency-button");
      phone.click("complication-BURN");
      phone.text("status-title", "Alerting", SOON);
      phone.type("patient-ref", patient);
      // Enter in the form submits it: a click could land elsewhere while the status card grows.
      phone.type("patient-initials", "KL" + Keys.ENTER);
      phone.text("patient-summary", patient, SOON);
      // The console replayed the first test's alert too, closed now: this one is still waiting.
      director.click("accept-" + emergencyOn(phone));

      JsonObject directorCall = joined(director);
      JsonObject injectorCall = joined(phone);
      String room = directorCall.getString("roomName");
      assertThat(room).matches("dl[0-9a-f]{32}").isEqualTo(injectorCall.getString("roomName"));
      assertThat(directorCall.getString("domain")).isEqualTo(jitsi.domain());
      JsonObject directorClaims = claims(directorCall.getString("jwt"));
      JsonObject injectorClaims = claims(injectorCall.getString("jwt"));
      assertThat(directorClaims.getString("room")).isEqualTo(room);
      assertThat(injectorClaims.getString("room")).isEqualTo(room);
      assertThat(
              directorClaims.getJsonObject("context").getJsonObject("user").getString("moderator"))
          .isEqualTo("true");
      assertThat(
              injectorClaims.getJsonObject("context").getJsonObject("user").getString("moderator"))
          .isEqualTo("false");
      assertThat(directorClaims.toString()).doesNotContain(patient);

      JsonObject config = directorCall.getJsonObject("configOverwrite");
      assertThat(config.getJsonObject("prejoinConfig").getBoolean("enabled")).isFalse();
      assertThat(config.getBoolean("prejoinPageEnabled")).isFalse();
      assertThat(config.getBoolean("fileRecordingsEnabled")).isFalse();
      assertThat(config.getBoolean("liveStreamingEnabled")).isFalse();
      assertThat(config.getJsonArray("toolbarButtons").toString())
          .contains("hangup")
          .doesNotContain("recording")
          .doesNotContain("invite")
          .doesNotContain("livestreaming");

      // The room is framed from the Jitsi domain; the director joining connects the emergency.
      WebElement frame = director.visibleCss("#call .call-frame iframe", SOON);
      assertThat(frame.getAttribute("src")).isEqualTo("https://" + jitsi.domain() + "/" + room);
      director.text("fact-status", "In the call", SOON);
      phone.text("status-detail", "In the call since", SOON);
      assertThat(
              director.driver().findElement(By.cssSelector("#call .call-fallback")).isDisplayed())
          .isFalse();
      look(director, "call-director-in-jitsi");
      look(phone, "call-injector-in-jitsi");

      director.click("end-outcome-OTHER");
      director.click("end-button");
      director.click("end-confirm-yes");
      director.text("ended-title", "Other", SOON);
      director.until(
          SOON, d -> Boolean.TRUE.equals(director.script("return window.standInJitsi.disposed")));
    }
  }

  /**
   * A screenshot for people to look at, and what a machine can check of the same screen: every
   * control labelled, every text readable (WCAG AA contrast).
   */
  private static void look(Browser browser, String name) {
    browser.screenshot(name);
    assertThat(browser.unlabelledControls()).as(name + ": unlabelled controls").isEmpty();
    assertThat(browser.lowContrastTexts()).as(name + ": text below WCAG AA contrast").isEmpty();
  }

  /** The emergency the injector's page follows (kept in its session storage, not the URL). */
  private static String emergencyOn(Browser phone) {
    return (String)
        phone.script("return sessionStorage.getItem('directorline.injector.emergency')");
  }

  /** What the page handed to the IFrame API, once it called it. */
  private static JsonObject joined(Browser browser) {
    try {
      browser.until(
          SOON,
          d -> browser.script("return window.standInJitsi && window.standInJitsi.options") != null);
    } catch (TimeoutException e) {
      look(browser, "call-not-joined");
      throw new AssertionError(
          "the page did not call the IFrame API; its call panel says: "
              + browser.script("return document.getElementById('call').innerText"),
          e);
    }
    String json =
        (String)
            browser.script(
                "const s = window.standInJitsi; const o = {...s.options, domain: s.domain};"
                    + " delete o.parentNode; return JSON.stringify(o);");
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static JsonObject claims(String jwt) {
    String payload =
        new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    try (var reader = Json.createReader(new StringReader(payload))) {
      return reader.readObject();
    }
  }
}
