package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Browser;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The injector's page on a phone when things do not go to plan, and the pages' labelling. */
@ExtendWith(ApiServer.class)
class InjectorPageBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String PLAN =
      "Call 911 now. Nearest emergency department: Riverside ED, 40 Elm Street.";

  /** A new clinic whose one director is alerted for this long before the transfer plan. */
  private static Api.Clinic oneDirector(Api api, int timeoutSeconds) {
    Api.Clinic clinic = api.newClinic();
    clinic.definePolicy(
        List.of(List.of(clinic.userId(clinic.enrol("DIRECTOR")))), timeoutSeconds, PLAN);
    return clinic;
  }

  /** Two taps launch; the patient follows while the director is alerted. */
  private static void launch(Browser phone, String patient) {
    phone.click("emergency-button");
    phone.click("complication-ANAPHYLAXIS");
    phone.text("status-title", "Alerting", SOON);
    phone.type("patient-ref", patient);
    // Enter in the form submits it: a click could land elsewhere while the status card grows.
    phone.type("patient-initials", "AB" + Keys.ENTER);
    phone.text("patient-summary", patient, SOON);
  }

  @Test
  void nobodyAnswersAndTheTransferPlanIsShownInLargeType(Api api) {
    Api.Clinic clinic = oneDirector(api, 3);
    String injector = clinic.enrol("INJECTOR");
    try (Browser phone = Browser.open(api.baseUrl(), true)) {
      phone.signIn(injector, Api.Clinic.PASSWORD, "/injector.html");
      launch(phone, "MRN-" + UUID.randomUUID().toString().substring(0, 6));
      phone.text("countdown", "until the transfer plan", SOON);

      phone.text("status-title", "No director answered", SOON);
      assertThat(phone.visible("transfer").getAttribute("class")).contains("urgent");
      assertThat(phone.visible("transfer-plan").getText()).isEqualTo(PLAN);
      String size =
          (String)
              phone.script(
                  "return getComputedStyle(document.getElementById('transfer-plan')).fontSize");
      assertThat(Double.parseDouble(size.replace("px", ""))).isGreaterThanOrEqualTo(24);
      assertThat(phone.driver().findElement(By.id("photos-card")).isDisplayed()).isFalse();
      phone.screenshot("injector-unanswered-transfer-plan");
    }
  }

  @Test
  void thePatientCannotConsentSoTheInjectorDeclaresTheExceptionThenCancels(Api api)
      throws Exception {
    Api.Clinic clinic = oneDirector(api, 600);
    String injector = clinic.enrol("INJECTOR");
    Path photo = Files.createTempFile("reaction", ".png");
    Files.write(photo, TestImages.pngWithMetadata(320, 240));
    try (Browser phone = Browser.open(api.baseUrl(), true)) {
      phone.signIn(injector, Api.Clinic.PASSWORD, "/injector.html");
      launch(phone, "MRN-" + UUID.randomUUID().toString().substring(0, 6));
      phone.text("status-title", "Alerting Test DIRECTOR", SOON);
      assertThat(phone.text("consent-state", "not recorded")).contains("Photos: not recorded");

      // This clinic has no consent text: the page says so and points to the exception.
      phone.click("consent-record-open");
      assertThat(phone.text("consent-error", "no consent text")).contains("emergency exception");

      phone.click("consent-exception-open");
      phone.type("exception-reason", "Patient in anaphylaxis, cannot speak");
      phone.click("exception-save");
      phone.text("consent-state", "Photos: emergency exception declared", SOON);
      assertThat(phone.driver().findElement(By.id("consent-exception-open")).isDisplayed())
          .isFalse();

      // The exception covers this emergency's photos.
      phone.chooseFile("photo-input", photo);
      phone.text("photo-message", "Photo added", SOON);
      phone.screenshot("injector-exception-and-photo");

      phone.click("cancel-button");
      phone.until(SOON, ExpectedConditions.alertIsPresent()).accept();
      phone.text("status-title", "Emergency cancelled", SOON);
      phone.click("start-over");
      phone.shown("emergency-button");
    }
  }

  /**
   * Open emergencies on the start page can be told apart, and one launched alert first says that
   * consent and photos wait for the patient's reference.
   */
  @Test
  void openEmergenciesAreToldApartAndConsentWaitsForThePatient(Api api) {
    Api.Clinic clinic = oneDirector(api, 600);
    String injector = clinic.enrol("INJECTOR");
    String token = clinic.signIn(injector);
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    for (JsonObject body :
        List.of(
            Json.createObjectBuilder().add("complication", "BURN").build(),
            Json.createObjectBuilder()
                .add("complication", "BURN")
                .add("patientRef", patient)
                .add("patientInitials", "QR")
                .build())) {
      assertThat(api.post("/api/emergencies", token, body).status()).isEqualTo(201);
    }
    try (Browser phone = Browser.open(api.baseUrl(), true)) {
      phone.signIn(injector, Api.Clinic.PASSWORD, "/injector.html");
      phone.shown("open-list");
      List<String> lines =
          phone.driver().findElements(By.cssSelector("#open-list li")).stream()
              .map(WebElement::getText)
              .toList();
      assertThat(lines).hasSize(2).doesNotHaveDuplicates();
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("patient not named yet"));
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("QR " + patient));
      phone.screenshot("injector-open-emergencies");

      phone.driver().findElements(By.cssSelector("#open-list li button")).stream()
          .filter(b -> b.getText().contains("not named"))
          .findFirst()
          .orElseThrow()
          .click();
      phone.text("consent-waits", "add it above first", SOON);
      assertThat(phone.visible("photos-wait").getText()).contains("add it above first");
      assertThat(phone.driver().findElement(By.id("consent-record-open")).isDisplayed()).isFalse();
      assertThat(phone.driver().findElement(By.id("photo-input")).isEnabled()).isFalse();

      // A mistake is explained in words, next to the field it is about.
      String second = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
      phone.type("patient-ref", second);
      // Enter in the form submits it: a click could land elsewhere while the status card grows.
      phone.type("patient-initials", "12" + Keys.ENTER);
      assertThat(phone.text("patient-initials-error", "initials"))
          .isEqualTo("The patient initials must be 1 to 8 letters.");
      assertThat(phone.visible("patient-error").getText())
          .isEqualTo("Please correct the marked field.")
          .doesNotContain("violations");
      assertThat(phone.visible("patient-initials").getAttribute("aria-invalid")).isEqualTo("true");
      phone.screenshot("injector-patient-form-error");
      phone.driver().findElement(By.id("patient-initials")).clear();
      phone.type("patient-initials", "ST" + Keys.ENTER);
      phone.text("patient-summary", second, SOON);
      assertThat(phone.driver().findElements(By.id("patient-initials-error"))).isEmpty();
    }
  }

  @Test
  void everyControlOnEveryPageHasALabelAndEveryTextEnoughContrast(Api api) {
    Api.Clinic clinic = api.newClinic();
    String everyone = clinic.enrol("INJECTOR", "DIRECTOR", "COMPLIANCE_OFFICER");
    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.go("/");
      desk.type("username", everyone);
      desk.type("password", Api.Clinic.PASSWORD);
      desk.driver().findElement(By.cssSelector("#signin button[type=submit]")).click();
      desk.visible("pages");
      for (String page : List.of("/", "/injector.html", "/director.html", "/compliance.html")) {
        desk.go(page);
        desk.text("who", "Test");
        assertThat(desk.unlabelledControls()).as(page).isEmpty();
        assertThat(desk.lowContrastTexts()).as(page + ": text below WCAG AA contrast").isEmpty();
      }
      // The checks see what they are for: a pale grey text and a bare input are found.
      desk.script(
          "const p = document.createElement('p'); p.id = 'faint'; p.textContent = 'pale';"
              + " p.style.color = '#bbbbbb'; document.querySelector('main').append(p);"
              + " const i = document.createElement('input'); i.id = 'bare';"
              + " document.querySelector('main').append(i);");
      assertThat(desk.lowContrastTexts()).anyMatch(t -> t.contains("#faint"));
      assertThat(desk.unlabelledControls()).contains("bare");
    }
  }

  @Test
  void theInjectorLaunchesWithTheKeyboardAlone(Api api) {
    Api.Clinic clinic = oneDirector(api, 600);
    String injector = clinic.enrol("INJECTOR");
    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.signIn(injector, Api.Clinic.PASSWORD, "/injector.html");
      desk.visible("emergency-button");
      // The Emergency button has the focus as the page opens; from there on, keys only.
      desk.until(
          SOON, d -> "emergency-button".equals(desk.script("return document.activeElement.id")));
      keys(desk, Keys.ENTER);
      desk.until(
          SOON,
          d ->
              "complication-VASCULAR_OCCLUSION"
                  .equals(desk.script("return document.activeElement.id")));
      keys(desk, Keys.TAB, Keys.ENTER); // the second complication: Anaphylaxis
      desk.text("status-title", "Alerting Test DIRECTOR", SOON);
      // The patient's reference field has the focus while the director is alerted.
      desk.until(SOON, d -> "patient-ref".equals(desk.script("return document.activeElement.id")));
      keys(desk, patient, Keys.TAB, "KB", Keys.ENTER);
      desk.text("patient-summary", patient, SOON);
      Reply launched = api.get("/api/emergencies?status=open", clinic.signIn(injector));
      assertThat(launched.array()).hasSize(1);
      assertThat(launched.array().getJsonObject(0).getString("complication"))
          .isEqualTo("ANAPHYLAXIS");
      assertThat(launched.array().getJsonObject(0).getString("patientRef")).isEqualTo(patient);
    }
  }

  private static void keys(Browser browser, CharSequence... keys) {
    for (CharSequence key : keys) {
      browser.driver().switchTo().activeElement().sendKeys(key);
    }
  }
}
