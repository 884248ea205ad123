package com.directorline.chart.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Browser;
import com.directorline.testing.FhirR4Validator;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The chart of a whole emergency: a PDF a clinic files (read back here with PDFBox: its text, its
 * pages, its fonts embedded, a page rendered for a person to look at) and a FHIR R4 Bundle that
 * HAPI's instance validator accepts; downloads are audited exports, the officer's with break-glass.
 */
@ExtendWith(ApiServer.class)
class ChartIT {

  record Case(Api.Clinic clinic, String injector, String director, String emergency) {
    String path(String rest) {
      return "/api/emergencies/" + emergency + rest;
    }
  }

  private static Case treated(Api api, boolean sign) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    String injector = clinic.enrol("INJECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911");
    String directorToken = clinic.signIn(director);
    assertThat(
            api.post(
                    "/api/clinics/" + clinic.id() + "/protocols",
                    directorToken,
                    Json.createObjectBuilder()
                        .add("complication", "VASCULAR_OCCLUSION")
                        .add("title", "Occlusion after filler")
                        .add(
                            "steps",
                            Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("text", "Stop injecting"))
                                .add(
                                    Json.createObjectBuilder()
                                        .add("text", "Reassess capillary refill")
                                        .add("repeatSeconds", 900)))
                        .build())
                .status())
        .isEqualTo(201);
    String injectorToken = clinic.signIn(injector);
    String id =
        api.post(
                "/api/emergencies",
                injectorToken,
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", "MRN-CH-" + System.nanoTime())
                    .add("patientInitials", "JD")
                    .build())
            .json()
            .getString("id");
    Case c = new Case(clinic, injector, director, id);
    Reply exception =
        api.post(
            c.path("/consent-exception"),
            injectorToken,
            Json.createObjectBuilder()
                .add("reason", "the patient is too distressed to consent")
                .build());
    assertThat(exception.status()).as(exception.toString()).isEqualTo(200);
    for (int i = 0; i < 2; i++) {
      Reply photo =
          api.upload(
              c.path("/photos"),
              injectorToken,
              "image/jpeg",
              TestImages.phoneJpeg(640, 480, 1),
              Map.of("X-Caption", "left fold, view " + (i + 1)));
      assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
    }
    api.post(c.path("/checklist/1"), injectorToken, Json.createObjectBuilder().build());
    api.post(c.path("/accept"), directorToken, null);
    api.post(
        c.path("/checklist/2"),
        directorToken,
        Json.createObjectBuilder().add("finding", "capillary refill 4 s").build());
    String order =
        api.post(
                c.path("/orders"),
                directorToken,
                Json.createObjectBuilder()
                    .add("medication", "Hyaluronidase")
                    .add("dose", Json.createValue(new BigDecimal("1500")))
                    .add("unit", "UNITS")
                    .add("route", "SUBCUTANEOUS")
                    .add("site", "left nasolabial fold")
                    .build())
            .json()
            .getString("id");
    api.post(
        c.path("/orders/" + order + "/given"), injectorToken, Json.createObjectBuilder().build());
    api.post(
        c.path("/end"),
        directorToken,
        Json.createObjectBuilder().add("outcome", "RESOLVED_ON_SITE").build());
    Reply saved =
        api.send(
            "PUT",
            c.path("/incident-record"),
            injectorToken,
            "application/json",
            Json.createObjectBuilder()
                .add("version", 0)
                .add(
                    "record",
                    Json.createObjectBuilder()
                        .add("procedure", "Hyaluronic acid filler, nasolabial folds")
                        .add("product", "Juvederm Ultra XC")
                        .add("lot", "LOT-4411")
                        .add("onsetAt", Instant.now().minusSeconds(600).toString())
                        .add("signs", "Blanching and livedo — café-au-lait? no; pain 6/10")
                        .add("actionsTaken", "Stopped; hyaluronidase; warm compress")
                        .add("patientInformed", true)
                        .add("informedBy", "the injector")
                        .add("disposition", "HOME"))
                .build()
                .toString(),
            Map.of());
    assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
    if (sign) {
      Reply signed =
          api.post(
              c.path("/incident-record/sign"),
              directorToken,
              Json.createObjectBuilder().add("version", 1).build());
      assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
    }
    return c;
  }

  private static HttpResponse<byte[]> download(
      Api api, String path, String token, Map<String, String> headers) {
    return api.bytes("GET", path, token, null, null, headers);
  }

  @Test
  void theSignedChartIsAPrintablePdfWithEmbeddedFontsAndAValidFhirBundle(Api api)
      throws IOException {
    Case c = treated(api, true);
    String director = c.clinic().signIn(c.director());
    // A follow-up done the next day, with a photo: the chart keeps the care after the call too.
    Reply followUp =
        api.post(
            c.path("/follow-ups"),
            director,
            Json.createObjectBuilder()
                .add("what", "See the patient in clinic")
                .add("dueAt", Instant.now().plusSeconds(3600).toString())
                .build());
    assertThat(followUp.status()).as(followUp.toString()).isEqualTo(201);
    String followUpPath = "/api/follow-ups/" + followUp.json().getString("id");
    assertThat(
            api.upload(
                    followUpPath + "/photos",
                    director,
                    "image/jpeg",
                    TestImages.phoneJpeg(640, 480, 1),
                    Map.of("X-Caption", "day 2, colour back"))
                .status())
        .isEqualTo(201);
    assertThat(
            api.post(
                    followUpPath + "/complete",
                    director,
                    Json.createObjectBuilder().add("outcome", "Healing well, no necrosis").build())
                .status())
        .isEqualTo(200);
    HttpResponse<byte[]> pdf = download(api, c.path("/chart.pdf"), director, Map.of());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment");
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text)
          .contains(
              "Emergency chart: Vascular occlusion",
              "Signed electronically by",
              "LOT-4411",
              "café-au-lait",
              "Hyaluronidase 1500 units subcutaneous, left nasolabial fold",
              "Given ",
              "Occlusion after filler, version 1",
              "capillary refill 4 s",
              "Emergency exception",
              "the patient is too distressed to consent",
              "Photo 1: left fold, view 1",
              "Photo 2: left fold, view 2",
              "Follow-ups",
              "See the patient in clinic",
              "Healing well, no necrosis (1 photo)",
              "(follow-up ",
              "): day 2, colour back",
              "page 1 of " + document.getNumberOfPages());
      int images = 0;
      List<String> fonts = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          fonts.add(font.getName());
          assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
        }
        for (COSName name : resources.getXObjectNames()) {
          if (resources.isImageXObject(name)) {
            images++;
          }
        }
      }
      assertThat(fonts).anyMatch(f -> f.contains("LiberationSans"));
      assertThat(images).as("the call's two photos and the follow-up's").isEqualTo(3);
      PDFRenderer renderer = new PDFRenderer(document);
      Files.createDirectories(Browser.SCREENSHOTS);
      for (int i = 0; i < document.getNumberOfPages(); i++) {
        BufferedImage page = renderer.renderImageWithDPI(i, 80);
        ImageIO.write(
            page, "png", Browser.SCREENSHOTS.resolve("chart-page-" + (i + 1) + ".png").toFile());
      }
    }

    HttpResponse<byte[]> fhir = download(api, c.path("/chart.fhir"), director, Map.of());
    assertThat(fhir.statusCode()).isEqualTo(200);
    assertThat(fhir.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/fhir+json");
    String bundle = new String(fhir.body(), java.nio.charset.StandardCharsets.UTF_8);
    JsonObject json = Json.createReader(new java.io.StringReader(bundle)).readObject();
    assertThat(
            json.getJsonArray("entry").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getJsonObject("resource").getString("resourceType"))
                .toList())
        .contains(
            "Patient",
            "Practitioner",
            "AdverseEvent",
            "MedicationAdministration",
            "Observation",
            "DocumentReference",
            "Provenance",
            "Medication",
            "Task");
    assertThat(bundle).contains("\"lotNumber\":\"LOT-4411\"");
    assertThat(FhirR4Validator.get().errors(bundle)).as("valid FHIR R4").isEmpty();
  }

  @Test
  void aCancelledDrillIsAPotentialEventMarkedAsTestData(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    clinic.definePolicy(List.of(List.of(clinic.userId(director))), 600, "Call 911");
    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    String id =
        api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder()
                    .add("complication", "ANAPHYLAXIS")
                    .add("patientRef", "DRILL-" + System.nanoTime())
                    .add("drill", true)
                    .build())
            .json()
            .getString("id");
    assertThat(api.post("/api/emergencies/" + id + "/cancel", injector, null).status())
        .isEqualTo(200);
    HttpResponse<byte[]> fhir =
        download(api, "/api/emergencies/" + id + "/chart.fhir", injector, Map.of());
    assertThat(fhir.statusCode()).isEqualTo(200);
    String bundle = new String(fhir.body(), java.nio.charset.StandardCharsets.UTF_8);
    JsonObject json = Json.createReader(new java.io.StringReader(bundle)).readObject();
    List<JsonObject> resources =
        json.getJsonArray("entry").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getJsonObject("resource"))
            .toList();
    assertThat(resources)
        .as("every resource is labelled test data, so an EHR never files it as a patient's")
        .allSatisfy(
            r ->
                assertThat(
                        r.getJsonObject("meta")
                            .getJsonArray("tag")
                            .getJsonObject(0)
                            .getString("code"))
                    .isEqualTo("HTEST"));
    assertThat(
            resources.stream()
                .filter(r -> r.getString("resourceType").equals("AdverseEvent"))
                .map(r -> r.getString("actuality")))
        .containsExactly("potential");
    assertThat(FhirR4Validator.get().errors(bundle)).as("valid FHIR R4").isEmpty();
  }

  @Test
  void downloadsAreAuditedExportsAndTheOfficerNeedsBreakGlass(Api api) {
    Case c = treated(api, false);
    String officer = c.clinic().signIn(c.clinic().enrol("COMPLIANCE_OFFICER"));
    assertThat(download(api, c.path("/chart.pdf"), officer, Map.of()).statusCode()).isEqualTo(403);
    assertThat(
            download(api, c.path("/chart.pdf"), officer, Map.of("X-Break-Glass-Reason", "audit"))
                .statusCode())
        .isEqualTo(400);
    assertThat(
            download(
                    api,
                    c.path("/chart.pdf"),
                    officer,
                    Map.of("X-Break-Glass-Reason", "Complaint review. " + "x".repeat(500)))
                .statusCode())
        .as("a reason longer than the trail keeps is refused, not recorded cut short")
        .isEqualTo(400);
    String reason = "Complaint review: the patient asked for the record of the treatment";
    assertThat(
            download(api, c.path("/chart.fhir"), officer, Map.of("X-Break-Glass-Reason", reason))
                .statusCode())
        .isEqualTo(200);
    String otherInjector = c.clinic().signIn(c.clinic().enrol("INJECTOR"));
    assertThat(download(api, c.path("/chart.pdf"), otherInjector, Map.of()).statusCode())
        .as("an injector who did not take part")
        .isEqualTo(404);
    Api.Clinic elsewhere = api.newClinic();
    assertThat(
            download(
                    api,
                    c.path("/chart.pdf"),
                    elsewhere.signIn(elsewhere.enrol("DIRECTOR")),
                    Map.of())
                .statusCode())
        .isEqualTo(404);
    HttpResponse<byte[]> draft =
        download(api, c.path("/chart.fhir"), c.clinic().signIn(c.injector()), Map.of());
    assertThat(draft.statusCode()).isEqualTo(200);
    String bundle = new String(draft.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(bundle).doesNotContain("Provenance");

    List<JsonObject> exports =
        api
            .get(
                "/api/audit/events?action=EXPORT&size=50",
                c.clinic().signIn(c.clinic().enrol("COMPLIANCE_OFFICER")))
            .json()
            .getJsonArray("items")
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(e -> e.getString("objectType").equals("CHART"))
            .toList();
    assertThat(exports.stream().map(e -> e.getString("outcome") + " " + e.getString("detail", "")))
        .contains("SUCCESS chart.fhir");
    assertThat(exports)
        .anySatisfy(
            e -> {
              assertThat(e.getString("purpose", "")).isEqualTo("BREAK_GLASS");
              assertThat(e.getString("justification", "")).isEqualTo(reason);
            });
    assertThat(FhirR4Validator.get().errors(bundle)).as("an unsigned chart is valid too").isEmpty();
  }
}
