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
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The medical director's own page for protocols and drills ({@code /protocols.html}), for the demo
 * {@code director}, who is not an administrator and so cannot open the admin page: the readiness
 * checklist (its admin-only items without links), the demo's example protocols marked, one adopted,
 * a new version of another written, and the drills report with a drill launched and accepted. Every
 * request the page makes is recorded (a {@code fetch} wrapper put in before the page's own scripts)
 * and none may be refused: the page must not ask for what only an admin may read. Shots: {@code
 * target/screenshots/director-protocols-*}.
 *
 * <p>A server of its own (with demo data): adopting the demo's examples would change what other
 * tests of the shared server read about the demo clinic.
 */
class DirectorProtocolsBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static TestServer server;

  /**
   * Runs before any script of every page: each answer to the page's fetch calls is kept, by method,
   * path and status, in sessionStorage (it survives the page's own navigation).
   */
  private static final String RECORD_FETCHES =
      """
      (() => {
        const original = window.fetch;
        window.fetch = async (input, init) => {
          const response = await original(input, init);
          try {
            const url = new URL(typeof input === 'string' ? input : input.url, location.href);
            const seen = JSON.parse(sessionStorage.getItem('test.fetches') || '[]');
            seen.push(`${(init && init.method) || 'GET'} ${url.pathname}${url.search} ${response.status}`);
            sessionStorage.setItem('test.fetches', JSON.stringify(seen));
          } catch (e) { /* never in the page's way */ }
          return response;
        };
      })();
      """;

  @BeforeAll
  static void boot() {
    server = TestServer.start("director-protocols", TestDatabase.createAnother(), Map.of());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void theDirectorAdoptsAnExampleWritesAProtocolAndSeesTheDrills() {
    Api api = server.api();
    String director = api.signIn("director", TestRun.DEMO_PASSWORD);
    JsonObject me = api.get("/api/me", director).json();
    assertThat(me.getJsonArray("roles").toString()).doesNotContain("ADMIN");
    JsonObject membership = me.getJsonArray("memberships").getJsonObject(0);
    assertThat(membership.getString("clinicName")).isEqualTo("Demo Med Spa");
    String clinicId = membership.getString("clinicId");
    String protocols = "/api/clinics/" + clinicId + "/protocols";

    // A drill, launched and accepted through the API, for the report.
    String injector = api.signIn("injector", TestRun.DEMO_PASSWORD);
    Reply launched =
        api.post(
            "/api/emergencies",
            injector,
            Json.createObjectBuilder().add("complication", "VASOVAGAL").add("drill", true).build());
    assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
    String drill = launched.json().getString("id");
    accept(api, drill);

    try (Browser desk = Browser.open(server.baseUrl(), false)) {
      ((ChromeDriver) desk.driver())
          .executeCdpCommand(
              "Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_FETCHES));
      desk.signIn("director", TestRun.DEMO_PASSWORD, "/director.html");

      // The admin page is not theirs; this one is, opened by its address. Only its requests count.
      desk.script("sessionStorage.removeItem('test.fetches')");
      desk.go("/protocols.html");
      desk.visibleCss("#readiness-items li[data-item=PROTOCOLS] button.fix", SOON);
      assertThat(desk.visible("clinic-name").getText()).isEqualTo("Demo Med Spa");
      assertThat(desk.driver().findElement(By.id("clinic-picker")).isDisplayed())
          .as("one clinic: named, not chosen")
          .isFalse();
      assertThat(desk.visible("to-console").getAttribute("href")).endsWith("/director.html");
      assertThat(desk.driver().findElement(By.id("to-admin")).isDisplayed()).isFalse();
      // Only the tabs of this page are linked from the checklist.
      assertThat(desk.driver().findElements(By.cssSelector("li[data-item=ROSTER] button.fix")))
          .isEmpty();
      assertThat(desk.driver().findElements(By.cssSelector("li[data-item=POLICY] button.fix")))
          .isEmpty();

      // The demo's examples are marked.
      WebElement mark = desk.visibleCss("#example-VASCULAR_OCCLUSION", SOON);
      assertThat(mark.getText())
          .contains("Example — your medical director must review and adopt it");
      assertThat(desk.visible("protocol-version-VASCULAR_OCCLUSION").getText())
          .startsWith("Version 1")
          .contains("Example shipped with DirectorLine");
      lookWhole(desk, "director-protocols-01-examples");

      // Adopting it, after a confirmation, makes version 2 the clinic's own, written by them.
      desk.click("adopt-VASCULAR_OCCLUSION");
      desk.shown("confirm-dialog");
      assertThat(desk.visible("confirm-text").getText()).contains("version 2");
      look(desk, "director-protocols-02-adopt-confirm");
      desk.click("confirm-yes");
      desk.text("protocol-version-VASCULAR_OCCLUSION", "Version 2", SOON);
      assertThat(desk.visible("protocol-version-VASCULAR_OCCLUSION").getText())
          .contains("Written by Dr. Dana Director (you)");
      assertThat(desk.driver().findElements(By.id("example-VASCULAR_OCCLUSION"))).isEmpty();
      desk.shows("protocols-saved", "Version 2 of the vascular occlusion protocol is in force");
      JsonObject adopted = current(api, director, protocols, "VASCULAR_OCCLUSION");
      assertThat(adopted.getBoolean("example")).isFalse();
      assertThat(adopted.getInt("version")).isEqualTo(2);
      assertThat(adopted.getString("createdBy")).isEqualTo(me.getString("id"));

      // The history shows the example it replaced.
      desk.click("history-toggle-VASCULAR_OCCLUSION");
      desk.text("history-VASCULAR_OCCLUSION", "Version 1", SOON);
      into(desk, "history-VASCULAR_OCCLUSION");
      look(desk, "director-protocols-03-adopted-history");

      // A new version of the anaphylaxis protocol: a new title and one step more, repeating.
      desk.click("write-ANAPHYLAXIS");
      desk.shown("protocol-form");
      int before = desk.driver().findElements(By.cssSelector("#protocol-form-steps > li")).size();
      desk.type("protocol-form-title", "Anaphylaxis in the treatment room");
      desk.click("protocol-add-step");
      desk.type("protocol-step-text-" + before, "Recheck blood pressure and breathing.");
      desk.type("protocol-step-every-" + before, "5");
      into(desk, "protocol-publish");
      look(desk, "director-protocols-04-writing");
      desk.click("protocol-publish");
      desk.text("protocol-title-ANAPHYLAXIS", "Anaphylaxis in the treatment room", SOON);
      assertThat(desk.visible("protocol-version-ANAPHYLAXIS").getText()).startsWith("Version 2");
      assertThat(desk.visible("protocol-ANAPHYLAXIS-steps").getText())
          .contains("Recheck blood pressure and breathing.")
          .contains("every 5 min");
      assertThat(desk.driver().findElements(By.id("protocol-form"))).isEmpty();
      JsonObject anaphylaxis = current(api, director, protocols, "ANAPHYLAXIS");
      assertThat(anaphylaxis.getString("title")).isEqualTo("Anaphylaxis in the treatment room");
      assertThat(anaphylaxis.getJsonArray("steps")).hasSize(before + 1);
      into(desk, "protocol-version-ANAPHYLAXIS");
      look(desk, "director-protocols-05-written");

      // The drills report: the drill in its table and as this month's bar.
      // (The tab's click reads the report again: what was shown is replaced, so found afresh.)
      desk.click("tab-drills");
      assertThat(
              settled(desk, "#drills-table tr[data-emergency='" + drill + "']", e -> e.getText()))
          .contains("Vasovagal syncope")
          .contains("Accepted");
      JsonObject report = api.get("/api/clinics/" + clinicId + "/drills/report", director).json();
      List<JsonObject> months = report.getJsonArray("months").getValuesAs(JsonObject.class);
      String thisMonth = months.get(months.size() - 1).getString("month");
      String drillsThisMonth =
          settled(
              desk,
              "#drills-chart svg rect.month-bar[data-month='" + thisMonth + "']",
              e -> e.getAttribute("data-drills"));
      assertThat(Integer.parseInt(drillsThisMonth)).isGreaterThanOrEqualTo(1);
      String href = desk.visible("drills-csv").getAttribute("href");
      Reply csv = api.get(href.substring(server.baseUrl().length()), director);
      assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
      assertThat(csv.body()).contains(drill + ",");
      lookWhole(desk, "director-protocols-06-drills");

      // Back on the page after a reload (the tab kept in the address), everything read again.
      desk.driver().navigate().refresh();
      desk.visibleCss("#drills-table tr[data-emergency='" + drill + "']", SOON);
      desk.click("tab-protocols");
      desk.text("protocol-version-ANAPHYLAXIS", "Version 2", SOON);

      // A narrow window (500 px, the least a desktop window takes): the header wraps, nothing cut.
      desk.driver().manage().window().setSize(new Dimension(500, 900));
      desk.script("window.scrollTo(0, 0)");
      desk.visibleCss(".protocol-card[data-complication=ANAPHYLAXIS]", SOON);
      look(desk, "director-protocols-07-narrow");
      assertThat(
              (Boolean)
                  desk.script("return document.documentElement.scrollWidth <= window.innerWidth"))
          .as("no sideways scrolling of the page")
          .isTrue();

      // Nothing the page asked for was refused, and it did ask (the recording works).
      List<String> fetched = fetches(desk);
      assertThat(fetched)
          .as("the page's requests")
          .anyMatch(f -> f.startsWith("POST " + protocols + " 201"))
          .anyMatch(f -> f.startsWith("GET /api/clinics/" + clinicId + "/readiness 200"))
          .anyMatch(f -> f.startsWith("GET /api/clinics/" + clinicId + "/drills/report 200"))
          .noneMatch(f -> f.matches(".* 4\\d\\d$") || f.matches(".* 5\\d\\d$"));
      assertThat(desk.driver().findElements(By.cssSelector(".error:not([hidden])")))
          .as("no error line shown")
          .noneMatch(WebElement::isDisplayed);
    }
  }

  /**
   * What a visible element matching the selector tells, read again should the page replace the
   * element meanwhile (a tab's click renders its list anew).
   */
  private static String settled(Browser desk, String css, Function<WebElement, String> read) {
    return new WebDriverWait(desk.driver(), SOON)
        .ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class)
        .until(
            d -> {
              WebElement e = d.findElement(By.cssSelector(css));
              return e.isDisplayed() ? read.apply(e) : null;
            });
  }

  @SuppressWarnings("unchecked")
  private static List<String> fetches(Browser desk) {
    return (List<String>)
        desk.script("return JSON.parse(sessionStorage.getItem('test.fetches') || '[]')");
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
