package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Browser;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestRun;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The admin page's clinical tabs on the demo clinic: the demo's example protocols are marked until
 * adopted; the admin adopts the vascular occlusion one and writes a new version of another with a
 * repeating step and a follow-up (a bad repeat is named next to its field first); then a drill
 * launched and accepted shows on the Drills tab, in its table, as a bar of this month's chart and
 * in the CSV the page links to. Shots: {@code target/screenshots/admin-protocols-*} and {@code
 * admin-drills-*}.
 *
 * <p>A server of its own (with demo data): adopting the demo's examples would change what other
 * tests of the shared server read about the demo clinic.
 */
class ProtocolsAndDrillsBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static TestServer server;

  @BeforeAll
  static void boot() {
    server = TestServer.start("protocols-drills", TestDatabase.createAnother(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theAdminAdoptsAnExampleWritesAProtocolAndSeesTheDrills() {
    Api api = server.api();
    String admin = api.signIn("admin", TestRun.DEMO_PASSWORD);
    String clinicId =
        api.get("/api/clinics", admin).array().getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("Demo Med Spa"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    String protocols = "/api/clinics/" + clinicId + "/protocols";

    try (Browser desk = Browser.open(server.baseUrl(), false)) {
      desk.signIn("admin", TestRun.DEMO_PASSWORD, "/admin.html");
      desk.text("readiness-title", "Ready for emergencies", SOON);

      // The checklist's protocols item leads to the tab, where the demo's examples are marked.
      desk.visibleCss("li[data-item=PROTOCOLS] button.fix", SOON).click();
      desk.shown("protocols");
      WebElement mark = desk.visibleCss("#example-VASCULAR_OCCLUSION", SOON);
      assertThat(mark.getText())
          .contains("Example — your medical director must review and adopt it");
      assertThat(desk.visible("protocol-version-VASCULAR_OCCLUSION").getText())
          .startsWith("Version 1");
      assertThat(desk.visible("protocol-VASCULAR_OCCLUSION-steps").getText())
          .as("a repeating step says how often")
          .contains("every 15 min");
      lookWhole(desk, "admin-protocols-01-examples");

      // Adopting it, after a confirmation, makes version 2 the clinic's own.
      desk.click("adopt-VASCULAR_OCCLUSION");
      desk.shown("confirm-dialog");
      assertThat(desk.visible("confirm-text").getText()).contains("version 2");
      look(desk, "admin-protocols-02-adopt-confirm");
      desk.click("confirm-yes");
      desk.text("protocol-version-VASCULAR_OCCLUSION", "Version 2", SOON);
      assertThat(desk.driver().findElements(By.id("example-VASCULAR_OCCLUSION"))).isEmpty();
      assertThat(desk.visible("protocol-title-VASCULAR_OCCLUSION").getText())
          .doesNotContain("(example)");
      assertThat(
              desk.visibleCss(".protocol-card[data-complication=VASCULAR_OCCLUSION]", SOON)
                  .getAttribute("data-state"))
          .isEqualTo("adopted");
      desk.shows("protocols-saved", "Version 2 of the vascular occlusion protocol is in force");
      JsonObject adopted = current(api, admin, protocols, "VASCULAR_OCCLUSION");
      assertThat(adopted.getBoolean("example")).isFalse();
      assertThat(adopted.getInt("version")).isEqualTo(2);

      // The history shows the example it replaced, read-only.
      desk.click("history-toggle-VASCULAR_OCCLUSION");
      desk.text("history-VASCULAR_OCCLUSION", "Version 1", SOON);
      into(desk, "history-VASCULAR_OCCLUSION");
      look(desk, "admin-protocols-03-adopted-history");

      // A new version of the burn protocol: three steps (one repeating), reordered, a follow-up.
      desk.click("write-BURN");
      desk.shown("protocol-form");
      removeAll(desk, "#protocol-form-steps", 1);
      removeAll(desk, "#protocol-form-follow-ups", 0);
      desk.type("protocol-form-title", "Burn after laser treatment");
      desk.type(
          "protocol-step-text-0", "Stop the laser and cool the area with cool running water.");
      desk.click("protocol-add-step");
      desk.type("protocol-step-text-1", "Cover with a clean non-adhesive dressing.");
      desk.click("protocol-add-step");
      desk.type("protocol-step-text-2", "Reassess pain and blistering.");
      desk.type("protocol-step-every-2", "5");
      new Select(desk.visible("protocol-step-unit-2")).selectByValue("1");
      // The reassessment moves up to second place: its fields follow it.
      desk.visibleCss("#protocol-form-steps li:nth-child(3) .move-up", SOON).click();
      assertThat(desk.visible("protocol-step-text-1").getAttribute("value"))
          .isEqualTo("Reassess pain and blistering.");
      desk.click("protocol-add-follow-up");
      desk.type("protocol-follow-up-hours-0", "48");
      desk.type("protocol-follow-up-text-0", "Call the patient to check the blister.");

      // Five seconds is too short: the server names the field, and the page shows it there.
      desk.click("protocol-publish");
      desk.text("protocol-step-repeat-1", "The repeat of step 2 must be at least 10 seconds", SOON);
      desk.shows("protocol-form-error", "Please correct the marked field");
      into(desk, "protocol-step-repeat-1");
      look(desk, "admin-protocols-04-bad-field");

      desk.type("protocol-step-every-1", "5");
      new Select(desk.visible("protocol-step-unit-1")).selectByValue("60");
      desk.click("protocol-publish");
      desk.text("protocol-version-BURN", "Version 2", SOON);
      into(desk, "protocol-version-BURN");
      assertThat(desk.driver().findElements(By.id("protocol-form"))).isEmpty();
      assertThat(desk.visible("protocol-BURN-steps").getText()).contains("every 5 min");
      look(desk, "admin-protocols-05-written");

      JsonObject burn = current(api, admin, protocols, "BURN");
      assertThat(burn.getString("title")).isEqualTo("Burn after laser treatment");
      assertThat(burn.getBoolean("example")).isFalse();
      List<JsonObject> steps = burn.getJsonArray("steps").getValuesAs(JsonObject.class);
      assertThat(steps)
          .extracting(s -> s.getString("text"))
          .containsExactly(
              "Stop the laser and cool the area with cool running water.",
              "Reassess pain and blistering.",
              "Cover with a clean non-adhesive dressing.");
      assertThat(steps.get(1).getInt("repeatSeconds")).isEqualTo(300);
      assertThat(steps.get(0).containsKey("repeatSeconds")).isFalse();
      List<JsonObject> followUps = burn.getJsonArray("followUps").getValuesAs(JsonObject.class);
      assertThat(followUps).hasSize(1);
      assertThat(followUps.get(0).getInt("afterHours")).isEqualTo(48);
      assertThat(followUps.get(0).getString("text"))
          .isEqualTo("Call the patient to check the blister.");

      // A drill, launched and accepted through the API, shows on the Drills tab.
      String injector = api.signIn("injector", TestRun.DEMO_PASSWORD);
      Reply launched =
          api.post(
              "/api/emergencies",
              injector,
              Json.createObjectBuilder()
                  .add("complication", "VASOVAGAL")
                  .add("drill", true)
                  .build());
      assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
      String drill = launched.json().getString("id");
      accept(api, drill);

      desk.click("tab-drills");
      WebElement row = desk.visibleCss("#drills-table tr[data-emergency='" + drill + "']", SOON);
      assertThat(row.getText()).contains("Vasovagal syncope").contains("Accepted");
      JsonObject report = api.get("/api/clinics/" + clinicId + "/drills/report", admin).json();
      List<JsonObject> months = report.getJsonArray("months").getValuesAs(JsonObject.class);
      String thisMonth = months.get(months.size() - 1).getString("month");
      WebElement bar =
          desk.visibleCss("#drills-chart svg rect.month-bar[data-month='" + thisMonth + "']", SOON);
      assertThat(Integer.parseInt(bar.getAttribute("data-drills"))).isGreaterThanOrEqualTo(1);
      assertThat(Double.parseDouble(bar.getAttribute("height"))).isGreaterThan(0);
      assertThat(desk.driver().findElements(By.cssSelector("#drills-chart svg rect.month-bar")))
          .hasSize(months.size());
      assertThat(desk.visibleCss("#drills-chart svg", SOON).getAttribute("aria-labelledby"))
          .isNotBlank();
      assertThat(
              desk.visibleCss("#drills-months tr[data-month='" + thisMonth + "']", SOON).getText())
          .as("the chart's numbers are also a table")
          .isNotBlank();
      lookWhole(desk, "admin-drills-01-report");

      // The CSV link answers CSV (the page's session cookie would do; the test uses a token).
      String href = desk.visible("drills-csv").getAttribute("href");
      String path = href.startsWith("/") ? href : href.substring(server.baseUrl().length());
      Reply csv = api.get(path, admin);
      assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
      assertThat(csv.contentType()).startsWith("text/csv");
      assertThat(csv.body()).startsWith("emergencyId,launchedAt").contains(drill + ",");

      // A clinic without drills or protocols: the empty states.
      Reply opened =
          api.post(
              "/api/clinics",
              admin,
              Json.createObjectBuilder().add("name", "Riverside Skin Studio").build());
      assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
      desk.go("/admin.html?clinic=" + opened.json().getString("id") + "&tab=drills");
      desk.text("drills-empty", "No drills in the last 12 months", SOON);
      assertThat(desk.driver().findElement(By.id("drills-report")).isDisplayed()).isFalse();
      into(desk, "drills-empty");
      look(desk, "admin-drills-02-empty");
      desk.click("tab-protocols");
      desk.visibleCss(".protocol-card[data-complication=ANAPHYLAXIS][data-state=missing]", SOON);
      // The tab's click reads the list again while the clinic's first reading may still be on its
      // way: the button is found again rather than held (it may be replaced meanwhile).
      assertThat(desk.text("write-ANAPHYLAXIS", "Write", SOON)).isEqualTo("Write");
      into(desk, "protocol-list");
      look(desk, "admin-protocols-06-none-yet");
    }
  }

  /** The version in force of one complication's protocol, as the API tells it. */
  private static JsonObject current(Api api, String token, String path, String complication) {
    return api.get(path, token).array().getValuesAs(JsonObject.class).stream()
        .filter(p -> p.getString("complication").equals(complication))
        .findFirst()
        .orElseThrow();
  }

  /** The demo's director alerted first accepts (the other is refused, being not yet alerted). */
  private static void accept(Api api, String emergency) {
    Reply accepted = null;
    for (String director : List.of("director", "director2")) {
      accepted =
          api.post(
              "/api/emergencies/" + emergency + "/accept",
              api.signIn(director, TestRun.DEMO_PASSWORD),
              null);
      if (accepted.status() == 200) {
        return;
      }
    }
    throw new AssertionError("no demo director could accept: " + accepted);
  }

  /** Clicks the last item's Remove until {@code keep} items are left in the form's list. */
  private static void removeAll(Browser desk, String list, int keep) {
    List<WebElement> items = desk.driver().findElements(By.cssSelector(list + " > li"));
    while (items.size() > keep) {
      items.get(items.size() - 1).findElement(By.cssSelector(".remove")).click();
      items = desk.driver().findElements(By.cssSelector(list + " > li"));
    }
  }

  /** Scrolls the element to the middle of the window, for a shot of what matters. */
  private static void into(Browser browser, String id) {
    browser.script("document.getElementById(arguments[0]).scrollIntoView({block: 'center'})", id);
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
