package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Browser;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The compliance officer's console as they use it: people and emergencies picked from lists, a row
 * opened to the whole event, and flags in the clinic's time, grouped, with counts.
 */
@ExtendWith(ApiServer.class)
class ComplianceConsoleBrowserIT {

  private static final Duration SOON = Duration.ofSeconds(15);
  private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

  @Test
  void theOfficerPicksFromListsOpensAnEventAndReviewsGroupedFlagsInClinicTime(Api api) {
    Api.Clinic clinic = api.newClinic();
    String injector = clinic.enrol("INJECTOR");
    String director = clinic.enrol("DIRECTOR");
    String peeker = clinic.enrol("DIRECTOR");
    String officer = clinic.enrol("COMPLIANCE_OFFICER");
    clinic.definePolicy(
        List.of(List.of(clinic.userId(director)), List.of(clinic.userId(peeker))), 600, "Call 911");
    // The clinic is in Los Angeles and closed all week: every look at a patient is after hours,
    // except the emergency's own people's.
    Reply settings =
        api.send(
            "PATCH",
            "/api/clinics/" + clinic.id(),
            clinic.demoAdminToken(),
            "application/merge-patch+json",
            "{\"timeZone\":\"America/Los_Angeles\",\"hours\":[]}",
            Map.of());
    assertThat(settings.status()).as(settings.toString()).isEqualTo(200);

    String patient = "MRN-" + UUID.randomUUID().toString().substring(0, 6);
    String id =
        api.post(
                "/api/emergencies",
                clinic.signIn(injector),
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", patient)
                    .build())
            .json()
            .getString("id");
    String directorToken = clinic.signIn(director);
    assertThat(api.post("/api/emergencies/" + id + "/accept", directorToken, null).status())
        .isEqualTo(200);
    String peekerToken = clinic.signIn(peeker);
    Instant firstPeek = Instant.now();
    for (int i = 0; i < 3; i++) {
      assertThat(api.get("/api/emergencies/" + id, peekerToken).status()).isEqualTo(200);
    }
    String reference = id.substring(0, 8).toUpperCase();

    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.signIn(officer, Api.Clinic.PASSWORD, "/compliance.html");
      desk.text("verification-title", "intact", SOON);

      // Pick the person and the emergency by name and reference: no internal id is typed.
      Select person = new Select(desk.visible("f-user"));
      desk.until(SOON, d -> person.getOptions().size() > 4);
      assertThat(person.getOptions())
          .extracting(WebElement::getText)
          .contains("Anyone", "Test DIRECTOR (" + peeker + ")", "Test INJECTOR (" + injector + ")");
      person.selectByVisibleText("Test DIRECTOR (" + peeker + ")");
      Select emergency = new Select(desk.visible("f-emergency"));
      WebElement option =
          emergency.getOptions().stream()
              .filter(o -> o.getText().contains("#" + reference))
              .findFirst()
              .orElseThrow();
      assertThat(option.getText())
          .contains("Vascular occlusion")
          .contains("Test INJECTOR → Test DIRECTOR")
          .contains("Accepted")
          .doesNotContain(patient);
      emergency.selectByVisibleText(option.getText());
      desk.screenshot("compliance-01-pickers");
      desk.click("search-button");
      desk.text("search-summary", "Events 1–3 of 3", SOON);
      List<WebElement> rows = desk.driver().findElements(By.cssSelector("#events tbody tr"));
      assertThat(rows)
          .hasSize(3)
          .allSatisfy(
              r -> assertThat(r.findElements(By.tagName("td")).get(2).getText()).isEqualTo(peeker));

      // A row opens the whole event.
      rows.get(0).findElements(By.tagName("td")).get(5).click();
      WebElement detail = desk.visible("event-detail");
      assertThat(field(desk, "Took part")).isEqualTo("no");
      assertThat(field(desk, "Patient")).isEqualTo(patient);
      assertThat(field(desk, "Who")).isEqualTo(peeker + " (Test DIRECTOR)");
      assertThat(field(desk, "Emergency")).contains("#" + reference);
      assertThat(field(desk, "Correlation id")).isNotBlank();
      desk.screenshot("compliance-02-event-detail");
      desk.click("event-close");
      desk.until(SOON, d -> !detail.isDisplayed());

      // Flags: the look-ins, grouped, in the clinic's time zone.
      desk.click("tab-flags");
      desk.text("flag-period", "America/Los_Angeles", SOON);
      desk.visibleCss("#flag-table tbody tr[data-kind]", SOON);
      List<WebElement> groups =
          desk.driver().findElements(By.cssSelector("#flag-table tbody tr[data-kind]"));
      assertThat(groups)
          .extracting(g -> g.getAttribute("data-kind"))
          .containsExactlyInAnyOrder("NON_PARTICIPANT", "AFTER_HOURS");
      String day =
          DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.US)
              .format(firstPeek.atZone(LOS_ANGELES));
      for (WebElement group : groups) {
        List<WebElement> cells = group.findElements(By.tagName("td"));
        assertThat(cells.get(1).getText()).as("the clinic's day").contains(day);
        assertThat(cells.get(2).getText()).isEqualTo("Test DIRECTOR");
        assertThat(cells.get(3).getText()).isEqualTo("Vascular occlusion #" + reference);
        assertThat(cells.get(4).getText()).isEqualTo("3");
      }
      WebElement afterHours =
          desk.driver().findElement(By.cssSelector("#flag-table tr[data-kind=AFTER_HOURS]"));
      assertThat(afterHours.getText())
          .contains("After hours")
          .contains("outside no opening hours (America/Los_Angeles)");
      afterHours.findElement(By.cssSelector("button[aria-expanded]")).click();
      List<WebElement> items =
          desk.driver().findElements(By.cssSelector("#flag-table tr.group-items"));
      assertThat(items).hasSize(3);
      String clinicTime =
          DateTimeFormatter.ofPattern("h:mm", Locale.US).format(firstPeek.atZone(LOS_ANGELES));
      assertThat(items.get(0).findElements(By.tagName("td")).get(1).getText())
          .as("the time on the clinic's clock")
          .contains(clinicTime);
      desk.screenshot("compliance-03-flags-grouped");

      desk.type("review-note", "Dr. second step looked in while on call; confirmed with him.");
      desk.click("review-save");
      desk.text("review-done", "Review attested", SOON);
      desk.until(
          SOON,
          d ->
              d.findElements(By.cssSelector("#flag-table tr[data-kind] td.count")).stream()
                  .allMatch(c -> c.getText().equals("3 (all reviewed)")));
      desk.screenshot("compliance-04-flags-reviewed");
      assertThat(desk.lowContrastTexts()).isEmpty();
      assertThat(desk.unlabelledControls()).isEmpty();
    }

    // What the page showed is what the API says.
    JsonObject flags =
        api.get("/api/audit/flags?from=" + firstPeek.minusSeconds(60), clinic.signIn(officer))
            .json();
    assertThat(flags.getInt("total")).isEqualTo(6);
  }

  /** A field of the open event's detail, by its label. */
  private static String field(Browser desk, String label) {
    return desk.driver()
        .findElement(
            By.xpath("//dl[@id='event-fields']/dt[.='" + label + "']/following-sibling::dd[1]"))
        .getText();
  }
}
