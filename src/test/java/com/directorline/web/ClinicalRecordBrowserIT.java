package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Browser;
import com.directorline.testing.FhirR4Validator;
import com.directorline.testing.Reply;
import com.directorline.testing.TestMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.Json;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/**
 * The clinical record on the call, in two real Chromium windows: the director orders, the order is
 * on top of the injector's phone and read back as given; both tick the clinic's protocol, whose
 * 10-second reassessment rings on both pages when it is due; the injector drafts the incident
 * record, the call ends, and the director completes and signs it; an addendum follows. Then the
 * chart: the director downloads the PDF (the signed record's facts in it) and the FHIR bundle
 * validates; the director adds a follow-up due in seconds, is reminded on the console and by email,
 * and marks it done; the injector finds the protocol's follow-ups on the phone.
 */
@ExtendWith(ApiServer.class)
class ClinicalRecordBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);

  /** The repeating step is due 10 s after its tick; the wait allows for a busy machine. */
  private static final Duration DUE = Duration.ofSeconds(30);

  @Test
  void anOrderIsReadBackTheChecklistRingsAndTheRecordIsSigned(Api api) throws Exception {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911.");
    Reply protocol =
        api.post(
            "/api/clinics/" + clinic.id() + "/protocols",
            clinic.demoAdminToken(),
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("title", "Vascular occlusion, our protocol")
                .add(
                    "steps",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("text", "Stop injecting."))
                        .add(
                            Json.createObjectBuilder()
                                .add("text", "Reassess capillary refill.")
                                .add("repeatSeconds", 10))
                        .add(Json.createObjectBuilder().add("text", "Warm compress.")))
                .add(
                    "followUps",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("afterHours", 24)
                                .add("text", "Call the patient: colour, pain, vision."))
                        .add(
                            Json.createObjectBuilder()
                                .add("afterHours", 168)
                                .add("text", "Review at one week, with photos.")))
                .build());
    assertThat(protocol.status()).as(protocol.toString()).isEqualTo(201);
    String injector = clinic.enrol("INJECTOR");
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    Path downloads = Path.of("target", "downloads", "clinical-" + UUID.randomUUID());
    String bundle;

    try (Browser phone = Browser.phone(api.baseUrl(), 390, 844);
        Browser desk = Browser.downloadingTo(api.baseUrl(), downloads)) {
      phone.signIn(injector, Api.Clinic.PASSWORD, "/injector.html");
      desk.signIn(director, Api.Clinic.PASSWORD, "/director.html");
      desk.click("start-on-call");
      desk.text("console-state", "On call", SOON);

      // Launch (the tap also unlocks the phone's sound), name the patient, the director accepts.
      phone.click("emergency-button");
      phone.click("complication-VASCULAR_OCCLUSION");
      phone.text("status-title", "Alerting", SOON);
      phone.type("patient-ref", patient);
      phone.type("patient-initials", "VO" + Keys.ENTER);
      phone.text("patient-summary", patient, SOON);
      String id =
          (String) phone.script("return sessionStorage.getItem('directorline.injector.emergency')");
      desk.click("accept-" + id);
      desk.text("case-title", patient, SOON);
      phone.text("status-title", "accepted", SOON);

      // Both pages show the protocol in force; the injector ticks the first step.
      phone.text("checklist-title", "Vascular occlusion, our protocol", SOON);
      desk.text("checklist-title", "Vascular occlusion, our protocol", SOON);
      phone.click("checklist-tick-1");
      phone.text("checklist-ticks-1", "Test INJECTOR", SOON);
      desk.text("checklist-ticks-1", "Test INJECTOR", SOON);

      // The director orders; the phone shows the order on top, with a big Given button.
      desk.type("order-medication", "Hyaluronidase");
      desk.type("order-dose", "1500");
      new Select(desk.visible("order-unit")).selectByValue("UNITS");
      new Select(desk.visible("order-route")).selectByValue("SUBCUTANEOUS");
      desk.type("order-site", "left nasolabial fold");
      desk.click("order-submit");
      desk.text("order-status-1", "waiting for the read-back", SOON);
      phone.text("order-1", "Hyaluronidase 1500 units subcutaneous, left nasolabial fold", SOON);
      assertThat(phone.visible("order-1").getText()).contains("ordered").contains("Test DIRECTOR");
      assertThat(top(phone, "orders"))
          .as("the order is the first thing on the phone")
          .isLessThan(top(phone, "status-card"));
      assertThat(bottom(phone, "order-given-1"))
          .as("the Given button is on the first screen")
          .isLessThanOrEqualTo(((Number) phone.script("return window.innerHeight")).doubleValue());
      assertThat(phone.visible("order-given-1").getSize().getHeight())
          .as("a thumb-sized Given button")
          .isGreaterThanOrEqualTo(48);
      look(phone, "clinical-01-order-on-phone");

      phone.click("order-given-1");
      phone.text("order-status-1", "Given at", SOON);
      desk.text("order-status-1", "Given at", SOON);
      assertThat(desk.visible("order-status-1").getText()).contains("read back by Test INJECTOR");
      look(phone, "clinical-02-order-given-on-phone");
      desk.text("timeline", "Order 1 given: Hyaluronidase 1500 units", SOON);

      // The reassessment repeats every 10 s: ticked now, it counts down and then rings on both.
      phone.type("checklist-finding-2", "refill 4 s");
      phone.click("checklist-tick-2");
      phone.text("checklist-ticks-2", "refill 4 s", SOON);
      desk.text("checklist-ticks-2", "refill 4 s", SOON);
      desk.text("checklist-due-2", "Due again in", SOON);
      desk.click("checklist-tick-3");
      phone.text("checklist-ticks-3", "Test DIRECTOR", SOON);
      look(desk, "clinical-03-director-orders-and-checklist");

      phone.text("checklist-due-2", "Due now", DUE);
      desk.text("checklist-due-2", "Due now", DUE);
      for (Browser page : List.of(phone, desk)) {
        assertThat(page.visible("checklist-due-2").getAttribute("role")).isEqualTo("alert");
        page.until(
            SOON, d -> Integer.parseInt(page.visible("checklist").getAttribute("data-rings")) >= 2);
      }
      phone.script("document.getElementById('checklist').scrollIntoView()");
      look(phone, "clinical-04-reassessment-due-on-phone");
      look(desk, "clinical-05-reassessment-due-on-desk");
      // Ticked again, it counts down afresh on both pages.
      phone.type("checklist-finding-2", "refill 2 s");
      phone.click("checklist-tick-2");
      phone.text("checklist-due-2", "Due again in", SOON);
      desk.text("checklist-ticks-2", "refill 2 s", SOON);

      // The injector drafts the record during the call, starting from what was done on it.
      phone.type("record-procedure", "HA filler, nasolabial folds");
      phone.type("record-product", "Example HA 20 mg/mL");
      phone.type("record-lot", "L2401");
      localTime(phone, "record-onset-at", 10);
      phone.type("record-signs", "Blanching and livedo, left nasolabial fold");
      phone.click("record-fill");
      phone.until(
          SOON,
          d ->
              phone
                  .visible("record-actions-taken")
                  .getAttribute("value")
                  .contains("Hyaluronidase 1500 units"));
      phone.click("record-save");
      phone.text("record-status", "Draft, version 1", SOON);
      assertThat(phone.visible("record-missing").getText())
          .contains("Patient informed")
          .contains("Disposition");
      phone.script("document.getElementById('record').scrollIntoView()");
      look(phone, "clinical-06-record-draft-on-phone");

      // The director ends the call; the injector's draft is on the director's page to complete.
      desk.click("end-outcome-RESOLVED_ON_SITE");
      desk.click("end-button");
      desk.click("end-confirm-yes");
      desk.text("ended-title", "Resolved on site", SOON);
      phone.text("status-title", "Emergency ended", SOON);
      desk.text("record-status", "Draft, version 1", SOON);
      assertThat(desk.visible("record-procedure").getAttribute("value"))
          .isEqualTo("HA filler, nasolabial folds");

      // Both write at once: the director saves first. The director's save is on the timeline,
      // so the phone usually reads version 2 at its next poll and keeps what the injector is
      // typing; when the injector saves before that poll, the save is refused, version 2 is
      // loaded and the typing kept. Either way neither loses a word.
      desk.type("record-volume", "0.4 mL");
      desk.click("record-save");
      desk.text("record-status", "Draft, version 2", SOON);
      phone.type("record-sites", "left nasolabial fold");
      phone.click("record-save");
      if (savedOrRefused(phone, "Draft, version 3")) {
        assertThat(phone.visible("record-volume").getAttribute("value")).isEqualTo("0.4 mL");
        assertThat(phone.visible("record-sites").getAttribute("value"))
            .isEqualTo("left nasolabial fold");
        phone.script("document.getElementById('record').scrollIntoView()");
        look(phone, "clinical-07-record-changed-on-phone");
        phone.click("record-save");
      }
      phone.text("record-status", "Draft, version 3", SOON);
      assertThat(phone.visible("record-volume").getAttribute("value")).isEqualTo("0.4 mL");

      // The director completes it and signs: the signature first saves the director's changes,
      // which are refused once (the injector saved version 3 meanwhile) and then kept.
      desk.click("record-patient-informed-yes");
      desk.type("record-informed-by", "Test DIRECTOR on the call");
      new Select(desk.visible("record-disposition")).selectByValue("OBSERVED_IN_CLINIC");
      desk.type("record-follow-up-plan", "Call tomorrow; review at 48 hours and 1 week.");
      desk.click("record-sign");
      desk.text("record-sign-text", "Save your changes and sign", SOON);
      look(desk, "clinical-08-director-signs");
      desk.click("record-sign-yes");
      // As above: refused once only if the desk had not read the injector's version 3 yet.
      if (savedOrRefused(desk, "SIGNED by Test DIRECTOR")) {
        assertThat(desk.visible("record-sites").getAttribute("value"))
            .isEqualTo("left nasolabial fold");
        assertThat(desk.visible("record-follow-up-plan").getAttribute("value"))
            .startsWith("Call tomorrow");
        desk.click("record-sign");
        desk.text("record-sign-text", "Save your changes and sign", SOON);
        desk.click("record-sign-yes");
      }
      desk.text("record-status", "SIGNED by Test DIRECTOR", SOON);
      assertThat(desk.visible("record-signature").getText())
          .containsPattern("SHA-256 of the signed content: [0-9a-f]{64}");
      phone.text("record-status", "SIGNED by Test DIRECTOR", SOON);
      assertThat(phone.visible("record-disposition-signed").getText())
          .isEqualTo("Observed in the clinic, then home");

      // Signed, the record is only added to.
      phone.type("addendum-text", "Patient called at 18:00: colour normal.");
      phone.click("addendum-submit");
      phone.text("addenda-list", "colour normal", SOON);
      desk.text("addenda-list", "colour normal", SOON);
      phone.script("document.getElementById('record').scrollIntoView()");
      look(phone, "clinical-09-record-signed-on-phone");
      desk.script("document.getElementById('record').scrollIntoView()");
      look(desk, "clinical-10-record-signed-on-desk");

      // What the pages showed is what the API keeps.
      Reply record =
          api.get("/api/emergencies/" + id + "/incident-record", clinic.signIn(director));
      assertThat(record.json().getString("status")).isEqualTo("SIGNED");
      assertThat(record.json().getJsonObject("record").getString("actionsTaken"))
          .contains("Hyaluronidase 1500 units");
      assertThat(record.json().getJsonArray("addenda")).hasSize(1);

      // The chart for the clinic's EHR, from the ended emergency's page: the director downloads
      // the PDF, which holds what was signed.
      desk.text("efu-list", "Call the patient: colour, pain, vision.", SOON);
      desk.click("chart-pdf");
      Path pdf = downloads.resolve("emergency-" + id + "-chart.pdf");
      Awaitility.await()
          .atMost(SOON)
          .until(() -> Files.isRegularFile(pdf) && Files.size(pdf) > 0 && !partial(downloads));
      try (PDDocument chart = Loader.loadPDF(pdf.toFile())) {
        assertThat(chart.getNumberOfPages()).isGreaterThanOrEqualTo(1);
        String text = new PDFTextStripper().getText(chart).replaceAll("\\s+", " ");
        assertThat(text)
            .contains("L2401")
            .contains("Signed electronically by Test DIRECTOR")
            .contains("Hyaluronidase 1500 units subcutaneous")
            .contains("Disposition: observed in the clinic, then home");
        BufferedImage first = new PDFRenderer(chart).renderImageWithDPI(0, 80);
        Files.createDirectories(Browser.SCREENSHOTS);
        ImageIO.write(
            first, "png", Browser.SCREENSHOTS.resolve("clinical-chart-page-1.png").toFile());
      }
      // The FHIR bundle, read now; validated last (the validator takes seconds to load).
      bundle =
          new String(
              api.bytes(
                      "GET",
                      "/api/emergencies/" + id + "/chart.fhir",
                      clinic.signIn(director),
                      null,
                      null,
                      Map.of())
                  .body(),
              StandardCharsets.UTF_8);

      // The director adds a follow-up due in a few seconds, for themselves (the default).
      String what = "Phone the patient: colour of the left fold";
      desk.type("efu-what", what);
      localTimeIn(desk, "efu-due", 4);
      assertThat(new Select(desk.visible("efu-assignee")).getFirstSelectedOption().getText())
          .startsWith("Me");
      desk.click("efu-add");
      desk.text("efu-added", "assigned to you", SOON);
      desk.text("efu-list", what, SOON);
      String followUp =
          (String)
              desk.script(
                  "return [...document.querySelectorAll('#efu-list li')]"
                      + ".find((li) => li.textContent.includes(arguments[0])).dataset.id",
                  what);
      desk.script("document.getElementById('emergency-follow-ups').scrollIntoView()");
      look(desk, "clinical-11-chart-and-follow-up-added");

      // Due: a notice on top of the console, with the sound, and an email to the director.
      desk.text("follow-up-notice-text", what, Duration.ofSeconds(30));
      assertThat(desk.visible("follow-up-notice").getAttribute("role")).isEqualTo("alert");
      assertThat(desk.visible("follow-up-notice-text").getText()).startsWith("Follow-up");
      desk.script("window.scrollTo(0, 0)");
      look(desk, "clinical-12-follow-up-due");
      MimeMessage mail =
          Awaitility.await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () ->
                      Arrays.stream(TestMail.server().getReceivedMessages())
                          .filter(m -> GreenMailUtil.getBody(m).contains(followUp))
                          .findFirst()
                          .orElse(null),
                  m -> m != null);
      assertThat(mail.getAllRecipients()[0].toString()).isEqualTo(director + "@clinic.test");
      assertThat(mail.getSubject()).startsWith("Follow-up due");

      // From the notice to the console's card: the due one first, highlighted; done with the
      // outcome, it leaves the open list.
      desk.click("follow-up-notice-show");
      // (re-read and re-drawn meanwhile, the item is looked up afresh each time)
      desk.until(
          SOON,
          d ->
              String.valueOf(
                      desk.script(
                          "return document.getElementById(arguments[0])?.className",
                          "follow-ups-" + followUp))
                  .matches(".*status-(due|overdue).*"));
      assertThat(
              desk.script(
                  "return document.querySelector('#follow-ups-list li').dataset.id === arguments[0]",
                  followUp))
          .as("the due follow-up comes first")
          .isEqualTo(true);
      look(desk, "clinical-13-follow-ups-console");
      desk.click("follow-ups-done-" + followUp);
      desk.type("follow-ups-outcome-" + followUp, "Colour normal, no pain; nothing more needed.");
      // With a photo of how it looks now (the patient consented to photos). The connection drops
      // as the outcome is sent, after the photo was stored; the director chooses the photo again
      // and sends: it is stored once, not twice.
      // The admin signed in afresh: their session idled out (10 s here) during the call.
      clinic.recordPhotoConsent(api.signInAsDemoAdmin(), clinic.signIn(director), patient);
      Path dayTwo = downloads.resolve("day-two.png");
      Files.createDirectories(downloads);
      Files.write(dayTwo, TestImages.encode(TestImages.picture(64, 48), "png"));
      desk.chooseFile("follow-ups-photos-" + followUp, dayTwo);
      look(desk, "clinical-14-follow-up-outcome");
      desk.script(
          "const real = window.fetch; let dropped = false;"
              + " window.fetch = (url, init) => {"
              + " if (!dropped && String(url).endsWith('/complete')) {"
              + " dropped = true; return Promise.reject(new TypeError('Failed to fetch')); }"
              + " return real(url, init); };");
      desk.click("follow-ups-complete-" + followUp);
      desk.visibleCss("#follow-ups-done-error-" + followUp, SOON);
      desk.chooseFile("follow-ups-photos-" + followUp, dayTwo);
      desk.click("follow-ups-complete-" + followUp);
      desk.until(SOON, d -> d.findElements(By.id("follow-ups-" + followUp)).isEmpty());
      desk.text("follow-ups-list", "Call the patient: colour, pain, vision.", SOON);
      Reply done =
          api.get(
              "/api/clinics/" + clinic.id() + "/follow-ups?status=done", clinic.signIn(director));
      assertThat(done.array().getJsonObject(0).getString("outcome")).startsWith("Colour normal");
      assertThat(done.array().getJsonObject(0).getJsonArray("photoIds"))
          .as("the photo chosen again after the dropped connection, stored once")
          .hasSize(1);

      // The injector: the ended emergency's follow-ups and the chart on the phone, then their
      // own on the start screen.
      phone.text("efu-list", "Call the patient: colour, pain, vision.", SOON);
      assertThat(phone.visible("chart-pdf").getAttribute("href")).endsWith(id + "/chart.pdf");
      phone.script("document.getElementById('emergency-follow-ups').scrollIntoView()");
      look(phone, "clinical-15-follow-ups-on-phone");
      phone.click("start-over");
      phone.text("my-follow-ups-list", "Review at one week, with photos.", SOON);
      assertThat(phone.visible("my-follow-ups-list").getText()).contains("Assigned to you");
      phone.script("document.getElementById('my-follow-ups').scrollIntoView()");
      look(phone, "clinical-16-your-follow-ups-on-phone");
    }

    assertThat(FhirR4Validator.get().errors(bundle)).as("the chart's FHIR bundle").isEmpty();
  }

  /** Whether Chromium is still writing a download in the folder. */
  private static boolean partial(Path folder) throws IOException {
    try (var files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
    }
  }

  /** Sets a datetime-local field to this many seconds from now, in the browser's own zone. */
  private static void localTimeIn(Browser page, String id, int seconds) {
    page.script(
        "const d = new Date(Date.now() + arguments[1] * 1000);"
            + " const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000);"
            + " const f = document.getElementById(arguments[0]);"
            + " f.value = local.toISOString().slice(0, 19);"
            + " f.dispatchEvent(new Event('input', { bubbles: true }));",
        id,
        seconds);
  }

  /**
   * Waits until the record's status reads {@code done} (false) or the save was refused because the
   * other participant saved meanwhile (true: the page loaded theirs and kept what was typed).
   */
  private static boolean savedOrRefused(Browser page, String done) {
    return Awaitility.await()
        .atMost(SOON)
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              String status = page.driver().findElement(By.id("record-status")).getText();
              String message = page.driver().findElement(By.id("record-message")).getText();
              if (message.contains("saved the record while you were writing")) {
                return Boolean.TRUE;
              }
              return status.contains(done) ? Boolean.FALSE : null;
            },
            refused -> refused != null);
  }

  /** Sets a datetime-local field to this many minutes ago, in the browser's own zone. */
  private static void localTime(Browser page, String id, int minutesAgo) {
    page.script(
        "const d = new Date(Date.now() - arguments[1] * 60000);"
            + " const local = new Date(d.getTime() - d.getTimezoneOffset() * 60000);"
            + " const f = document.getElementById(arguments[0]);"
            + " f.value = local.toISOString().slice(0, 16);"
            + " f.dispatchEvent(new Event('input', { bubbles: true }));",
        id,
        minutesAgo);
  }

  private static double top(Browser page, String id) {
    return ((Number)
            page.script(
                "return document.getElementById(arguments[0]).getBoundingClientRect().top", id))
        .doubleValue();
  }

  private static double bottom(Browser page, String id) {
    return ((Number)
            page.script(
                "return document.getElementById(arguments[0]).getBoundingClientRect().bottom", id))
        .doubleValue();
  }

  /** A screenshot, with every control labelled and every text readable (WCAG AA contrast). */
  private static void look(Browser page, String name) {
    page.screenshot(name);
    assertThat(page.unlabelledControls()).as(name + ": unlabelled controls").isEmpty();
    assertThat(page.lowContrastTexts()).as(name + ": text below WCAG AA contrast").isEmpty();
  }
}
