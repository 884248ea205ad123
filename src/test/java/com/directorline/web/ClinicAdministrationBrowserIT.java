package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Browser;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 14's "done when": on an empty installation (no demo data) an admin sets a clinic up on the
 * admin page alone: the clinic and its transfer plan, staff invited who choose their own passwords,
 * the rotation and an override, the escalation plan on the roster, consent texts; a drill then
 * alerts the director the roster has on call at that instant, and the readiness checklist turns
 * complete. Every admin page is kept as a screenshot ({@code target/screenshots/admin-*}).
 */
class ClinicAdministrationBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static final String ADMIN_PASSWORD = "granite oyster velvet lantern";
  private static final String ZONE = "America/Los_Angeles";
  private static TestServer server;

  @BeforeAll
  static void boot() {
    server =
        TestServer.start(
            "admin-setup",
            TestDatabase.createAnother(),
            Map.of(
                "DIRECTORLINE_DEMO_DATA", "false", "DIRECTORLINE_ADMIN_PASSWORD", ADMIN_PASSWORD));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** Someone invited on the page, with the one-time link the page showed for them. */
  private record Invited(String username, String name, String link) {}

  @Test
  void anAdminSetsUpAClinicOnThePageAndADrillReachesTheDirectorOnCall() {
    Api api = server.api();
    assertThat(api.login("admin", "Admin password nobody set").status())
        .as("an empty installation has only its admin")
        .isEqualTo(401);

    try (Browser desk = Browser.open(server.baseUrl(), false);
        Browser other = Browser.open(server.baseUrl(), false);
        Browser phone = Browser.open(server.baseUrl(), true)) {
      desk.signIn("admin", ADMIN_PASSWORD, "/admin.html");
      desk.text("readiness-title", "Not ready yet", SOON);

      // A new clinic, in Los Angeles, with its transfer plan.
      desk.click("new-clinic");
      desk.type("new-clinic-name", "Lakeside Aesthetics");
      desk.click("create-clinic");
      desk.until(SOON, d -> selected(desk, "clinic-picker").contains("Lakeside Aesthetics"));
      desk.text("readiness-title", "7 things missing", SOON);
      look(desk, "admin-01-new-clinic-readiness");

      new Select(desk.visible("clinic-zone")).selectByValue(ZONE);
      desk.type("clinic-address", "12 Lakeshore Drive, Tahoe City");
      desk.type("ed-name", "Tahoe Forest Hospital ED");
      desk.type("ed-phone", "+1 530 555 0100");
      desk.click("add-transfer-line");
      transferLine(desk, 0, "Emergency services, if the patient cannot see or breathe", "911");
      desk.click("add-transfer-line");
      transferLine(desk, 1, "Tell the paramedics product, lot, volume, site and time", "");
      desk.click("save-clinic");
      desk.shown("clinic-saved");
      desk.text("readiness-title", "6 things missing", SOON);
      lookWhole(desk, "admin-02-clinic-settings");

      // Staff: two directors and an injector, each invited with a one-time link.
      desk.click("tab-staff");
      Invited ana = invite(desk, "Dr. Ana Patel", "DIRECTOR", "admin-03-staff-invitation-link");
      Invited ben = invite(desk, "Dr. Ben Okafor", "DIRECTOR", null);
      Invited ivy = invite(desk, "Ivy Nguyen, RN", "INJECTOR", null);
      WebElement anaRow = desk.visibleCss("tr[data-username='" + ana.username() + "']", SOON);
      assertThat(anaRow.getText()).containsIgnoringCase("invited");

      // Each chooses a password with their link (the first on a phone) and signs in.
      setPassword(phone, ana, "amber kestrel harbor quilt", "admin-04-setup-page");
      phone.signIn(ana.username(), "amber kestrel harbor quilt", "/director.html");
      // Ana, the medical director, writes the clinic's protocols (issue 15 gives her a page).
      String anaToken = api.signIn(ana.username(), "amber kestrel harbor quilt");
      api.writeProtocols(
          api.get("/api/me", anaToken).json().getJsonArray("clinicIds").getString(0), anaToken);
      setPassword(other, ben, "copper meadow violin stone", null);
      other.signIn(ben.username(), "copper meadow violin stone", "/director.html");
      // Ivy's phone is another phone: the same browser, without Ana's session.
      phone.driver().manage().deleteAllCookies();
      phone.script("sessionStorage.clear(); localStorage.clear();");
      setPassword(phone, ivy, "saffron glacier pocket drum", null);
      desk.click("tab-staff");
      // Showing the tab again reads the list again: nobody is pending any more.
      desk.click("tab-clinic");
      desk.click("tab-staff");
      desk.until(
          SOON,
          d ->
              (Boolean)
                  desk.script(
                      "return !document.querySelector('#staff-table tbody')"
                          + ".textContent.includes('Invited')"));
      look(desk, "admin-05-staff");

      // The rotation: Ana primary, Ben backup, weekly at 08:00 Los Angeles time.
      desk.click("tab-oncall");
      desk.text("rotation-empty", "No rotation yet");
      assertThat(
              new Select(desk.visible("rotation-zone"))
                  .getFirstSelectedOption()
                  .getAttribute("value"))
          .as("the rotation starts on the clinic's clock")
          .isEqualTo(ZONE);
      new Select(desk.visible("add-primary")).selectByVisibleText(ana.name());
      new Select(desk.visible("add-backup")).selectByVisibleText(ben.name());
      desk.click("save-rotation");
      desk.shown("rotation-saved");
      desk.text("on-call-now", ana.name(), SOON);

      // An override: Ben covers the primary line for the next two hours (Ana is in surgery).
      LocalDateTime now = LocalDateTime.now(ZoneId.of(ZONE)).truncatedTo(ChronoUnit.MINUTES);
      new Select(desk.visible("override-line")).selectByValue("PRIMARY");
      new Select(desk.visible("override-person")).selectByVisibleText(ben.name());
      setValue(desk, "override-from", local(now.minusMinutes(1)));
      setValue(desk, "override-to", local(now.plusHours(2)));
      desk.type("override-reason", "Ana in surgery");
      desk.click("add-override");
      desk.shown("override-saved");
      desk.text("on-call-now", ben.name(), SOON);
      desk.text("overrides", "Ana in surgery", SOON);
      lookWhole(desk, "admin-06-on-call");

      // The escalation plan names the roster: the primary on call, then the backup.
      desk.click("tab-policy");
      List<WebElement> steps =
          desk.driver().findElements(By.cssSelector("#policy-steps .policy-step"));
      assertThat(steps).as("a new clinic gets the suggested steps").isNotEmpty();
      new Select(steps.get(0).findElement(By.cssSelector(".step-kind"))).selectByValue("PRIMARY");
      if (steps.size() > 1) {
        new Select(steps.get(1).findElement(By.cssSelector(".step-kind"))).selectByValue("BACKUP");
      }
      desk.type("policy-transfer", "Call 911 and follow the clinic's transfer plan.");
      desk.click("save-policy");
      desk.shown("policy-saved");
      lookWhole(desk, "admin-07-escalation");

      desk.click("tab-alerts");
      desk.text("webhook-state", "No gateway set");
      look(desk, "admin-08-alerts");

      // Consent texts, both kinds.
      desk.click("tab-consent");
      publishConsent(desk, "TELEHEALTH_CONSULT", "I agree to a video consult with the director.");
      publishConsent(
          desk, "PHOTO_CAPTURE_AND_SHARING", "I agree to photos shared with the director.");
      lookWhole(desk, "admin-09-consent-texts");
      desk.text("readiness-title", "1 thing missing", SOON);
      assertThat(desk.visibleCss("li[data-item=DRILL]", SOON).getAttribute("class"))
          .contains("missing");

      // The drill: Ivy launches it on her phone; Ben, on call by the override, is alerted.
      other.go("/director.html");
      other.click("start-on-call");
      other.text("console-state", "On call", SOON);
      phone.signIn(ivy.username(), "saffron glacier pocket drum", "/injector.html");
      phone.click("emergency-button");
      WebElement drill = phone.visible("drill");
      if (!drill.isSelected()) {
        drill.click();
      }
      phone.click("complication-VASOVAGAL");
      phone.text("status-title", "Alerting " + ben.name(), SOON);
      String emergency =
          (String) phone.script("return sessionStorage.getItem('directorline.injector.emergency')");
      other.visibleCss("#alert-" + emergency, SOON);
      String admin = api.signIn("admin", ADMIN_PASSWORD);
      Reply launched =
          api.get(
              "/api/emergencies/" + emergency,
              api.signIn(ben.username(), "copper meadow violin stone"));
      assertThat(launched.status()).as(launched.toString()).isEqualTo(200);
      assertThat(
              launched
                  .json()
                  .getJsonObject("escalation")
                  .getJsonArray("alerted")
                  .getValuesAs(JsonObject.class)
                  .stream()
                  .map(a -> a.containsKey("id") ? a.getString("id") : a.getString("directorId"))
                  .toList())
          .as("the roster's primary at launch: Ben, by the override")
          .containsExactly(idOf(api, admin, launched.json().getString("clinicId"), ben));

      desk.click("tab-clinic");
      desk.text("readiness-title", "Ready for emergencies", SOON);
      assertThat(desk.driver().findElements(By.cssSelector("#readiness-items li.missing")))
          .isEmpty();
      lookWhole(desk, "admin-10-ready");
    }
  }

  // --- steps on the page -------------------------------------------------------------------

  /** The text of a select's chosen option, read at once (the page may redraw the select). */
  private static String selected(Browser browser, String id) {
    return (String)
        browser.script(
            "const o = document.getElementById(arguments[0]).selectedOptions[0];"
                + " return o ? o.textContent : '';",
            id);
  }

  private static String selectedValue(Browser browser, String id) {
    return (String) browser.script("return document.getElementById(arguments[0]).value", id);
  }

  private static String idOf(Api api, String admin, String clinicId, Invited person) {
    return api
        .get("/api/clinics/" + clinicId + "/users", admin)
        .array()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(u -> u.getString("username").equals(person.username()))
        .map(u -> u.getString("id"))
        .findFirst()
        .orElseThrow();
  }

  private static void transferLine(Browser desk, int i, String text, String phone) {
    desk.type("transfer-text-" + i, text);
    if (!phone.isEmpty()) {
      desk.type("transfer-phone-" + i, phone);
    }
  }

  /** Invites someone on the Staff tab and returns the link the page shows once. */
  private static Invited invite(Browser desk, String name, String role, String shot) {
    desk.type("invite-name", name);
    String username = desk.visible("invite-username").getAttribute("value");
    assertThat(username).as("a username is suggested from the name").isNotBlank();
    desk.type("invite-email", username + "@lakeside.test");
    WebElement box = desk.visible("invite-role-" + role);
    if (!box.isSelected()) {
      box.click();
    }
    desk.click("invite");
    String link =
        desk.until(
            SOON,
            d -> {
              String value = d.findElement(By.id("setup-link-url")).getAttribute("value");
              boolean shown = d.findElement(By.id("setup-link")).isDisplayed();
              return shown && value.contains("/setup.html#") && value.length() > 50 ? value : null;
            });
    assertThat(desk.visible("setup-link-text").getText()).contains(name);
    if (shot != null) {
      look(desk, shot);
    }
    desk.click("setup-link-done");
    return new Invited(username, name, link);
  }

  /** Opens the link, chooses a password, and lands on the sign-in page with the username in it. */
  private static void setPassword(Browser browser, Invited person, String password, String shot) {
    String path = person.link().substring(person.link().indexOf("/setup.html"));
    browser.go(path);
    browser.text("setup-welcome", person.name(), SOON);
    if (shot != null) {
      look(browser, shot);
    }
    browser.type("new-password", password);
    browser.type("repeat-password", password);
    browser.click("set-password");
    browser.at("/", SOON);
    browser.until(
        SOON,
        d -> person.username().equals(d.findElement(By.id("username")).getAttribute("value")));
  }

  private static void publishConsent(Browser desk, String kind, String text) {
    new Select(desk.visible("consent-kind")).selectByValue(kind);
    desk.type("consent-text", text);
    desk.click("publish-consent");
    desk.shown("consent-saved");
    desk.visibleCss("article.consent-kind[data-kind=" + kind + "]", SOON);
  }

  /** A datetime-local input set the way a picker sets it. */
  private static void setValue(Browser desk, String id, String value) {
    desk.script(
        "const input = document.getElementById(arguments[0]); input.value = arguments[1];"
            + " input.dispatchEvent(new Event('input', {bubbles: true}));"
            + " input.dispatchEvent(new Event('change', {bubbles: true}));",
        id,
        value);
  }

  private static String local(LocalDateTime at) {
    return at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
  }

  private static void look(Browser browser, String name) {
    browser.screenshot(name);
    check(browser, name);
  }

  private static void lookWhole(Browser browser, String name) {
    browser.screenshotWhole(name);
    check(browser, name);
  }

  private static void check(Browser browser, String name) {
    assertThat(browser.unlabelledControls()).as(name + ": unlabelled controls").isEmpty();
    assertThat(browser.lowContrastTexts()).as(name + ": text below WCAG AA contrast").isEmpty();
  }
}
