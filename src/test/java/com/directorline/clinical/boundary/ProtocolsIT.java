package com.directorline.clinical.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The clinic's protocols: written by its director or admin, versioned, read by its staff. */
@ExtendWith(ApiServer.class)
class ProtocolsIT {

  private static JsonObject protocol(String complication, String title, String... steps) {
    JsonArrayBuilder list = Json.createArrayBuilder();
    for (String step : steps) {
      list.add(Json.createObjectBuilder().add("text", step));
    }
    return Json.createObjectBuilder()
        .add("complication", complication)
        .add("title", title)
        .add("steps", list)
        .build();
  }

  @Test
  void theDirectorWritesVersionsAndStaffReadTheOneInForce(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.signIn(clinic.enrol("DIRECTOR"));
    String path = "/api/clinics/" + clinic.id() + "/protocols";
    assertThat(api.get(path, director).array()).as("a new clinic has none").isEmpty();

    JsonObject first =
        Json.createObjectBuilder(
                protocol("VASCULAR_OCCLUSION", "Vascular occlusion after filler", "Stop injecting"))
            .add(
                "steps",
                Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("text", "Stop injecting"))
                    .add(
                        Json.createObjectBuilder()
                            .add("text", "Reassess capillary refill")
                            .add("repeatSeconds", 900)))
            .build();
    Reply v1 = api.post(path, director, first);
    assertThat(v1.status()).as(v1.toString()).isEqualTo(201);
    assertThat(v1.json().getInt("version")).isEqualTo(1);
    assertThat(v1.json().getBoolean("example")).isFalse();
    JsonObject repeat = v1.json().getJsonArray("steps").getJsonObject(1);
    assertThat(repeat.getInt("number")).isEqualTo(2);
    assertThat(repeat.getInt("repeatSeconds")).isEqualTo(900);
    assertThat(v1.json().getJsonArray("steps").getJsonObject(0).containsKey("repeatSeconds"))
        .isFalse();

    Reply v2 =
        api.post(
            path,
            api.signInAsDemoAdmin(),
            protocol("VASCULAR_OCCLUSION", "Vascular occlusion, revised", "Stop", "Massage"));
    assertThat(v2.json().getInt("version")).isEqualTo(2);
    api.post(path, director, protocol("BURN", "Burn", "Cool the area"));

    String injector = clinic.signIn(clinic.enrol("INJECTOR"));
    List<JsonObject> current = api.get(path, injector).array().getValuesAs(JsonObject.class);
    assertThat(current)
        .extracting(p -> p.getString("complication") + " v" + p.getInt("version"))
        .containsExactly("VASCULAR_OCCLUSION v2", "BURN v1");
    List<JsonObject> history =
        api.get(path + "?complication=VASCULAR_OCCLUSION", injector)
            .array()
            .getValuesAs(JsonObject.class);
    assertThat(history)
        .extracting(p -> p.getString("title"))
        .containsExactly("Vascular occlusion, revised", "Vascular occlusion after filler");
    assertThat(api.get(path + "?complication=HEADACHE", injector).status()).isEqualTo(400);

    // Only directors and admins write; another clinic does not see them at all.
    assertThat(api.post(path, injector, protocol("BURN", "Mine", "x")).status()).isEqualTo(403);
    Api.Clinic other = api.newClinic();
    String stranger = other.signIn(other.enrol("DIRECTOR"));
    assertThat(api.get(path, stranger).status()).isEqualTo(404);
    assertThat(api.post(path, stranger, protocol("BURN", "Theirs", "x")).status()).isEqualTo(404);

    // The trail says who wrote which version.
    String officer = clinic.signIn(clinic.enrol("COMPLIANCE_OFFICER"));
    assertThat(
            api
                .get("/api/audit/events?size=100", officer)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> e.getString("objectType").equals("PROTOCOL"))
                .map(e -> e.getString("detail", ""))
                .toList())
        .containsExactlyInAnyOrder(
            "VASCULAR_OCCLUSION version 1: 2 steps",
            "VASCULAR_OCCLUSION version 2: 2 steps",
            "BURN version 1: 1 steps");
  }

  /**
   * The director and the admin both open version 1 and change it: the first to publish makes
   * version 2; the second is told that version 2 came meanwhile, and writes nothing, rather than
   * replacing the director's changes with a text made from version 1.
   */
  @Test
  void aVersionWrittenFromAnOlderOneIsRefusedNotPublishedOverTheNewer(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.signIn(clinic.enrol("DIRECTOR"));
    String admin = api.signInAsDemoAdmin();
    String path = "/api/clinics/" + clinic.id() + "/protocols";
    JsonObject first =
        Json.createObjectBuilder(protocol("BURN", "Burn", "Cool the area"))
            .add("basedOnVersion", 0)
            .build();
    assertThat(api.post(path, director, first).json().getInt("version")).isEqualTo(1);
    Reply again = api.post(path, admin, first);
    assertThat(again.status()).as("a first version when one exists").isEqualTo(409);

    Reply byDirector =
        api.post(
            path,
            director,
            Json.createObjectBuilder(protocol("BURN", "Burn", "Cool the area", "Cover it"))
                .add("basedOnVersion", 1)
                .build());
    assertThat(byDirector.status()).as(byDirector.toString()).isEqualTo(201);
    Reply byAdmin =
        api.post(
            path,
            admin,
            Json.createObjectBuilder(protocol("BURN", "Burn, admin's", "Ice it"))
                .add("basedOnVersion", 1)
                .build());
    assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(409);
    assertThat(byAdmin.json().getString("type")).endsWith(":protocol-changed");
    assertThat(byAdmin.json().getString("detail")).contains("Version 2").contains("version 1");
    assertThat(api.get(path + "?complication=BURN", director).array())
        .extracting(v -> v.asJsonObject().getString("title"))
        .as("nothing written by the refused one")
        .containsExactlyInAnyOrder("Burn", "Burn");
    Reply negative =
        api.post(
            path,
            admin,
            Json.createObjectBuilder(protocol("BURN", "Burn", "Ice it"))
                .add("basedOnVersion", -1)
                .build());
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.body()).contains("basedOnVersion");
  }

  @Test
  void badProtocolsAreRefusedByFieldAndNothingIsWritten(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.signIn(clinic.enrol("DIRECTOR"));
    String path = "/api/clinics/" + clinic.id() + "/protocols";
    JsonArrayBuilder tooMany = Json.createArrayBuilder();
    for (int i = 0; i < 31; i++) {
      tooMany.add(Json.createObjectBuilder().add("text", "step " + i));
    }
    Map<String, String> refused =
        Map.of(
            "{\"complication\":\"HEADACHE\",\"title\":\"t\",\"steps\":[{\"text\":\"x\"}]}",
            "complication",
            "{\"complication\":\"BURN\",\"title\":\"\\u2003\",\"steps\":[{\"text\":\"x\"}]}",
            "title",
            "{\"complication\":\"BURN\",\"title\":\"t\",\"steps\":[]}",
            "steps",
            "{\"complication\":\"BURN\",\"title\":\"t\",\"steps\":[null]}",
            "steps[0]",
            "{\"complication\":\"BURN\",\"title\":\"t\",\"steps\":[{\"text\":\" \"}]}",
            "steps[0].text",
            "{\"complication\":\"BURN\",\"title\":\"t\",\"steps\":[{\"text\":\"x\",\"repeatSeconds\":5}]}",
            "steps[0].repeatSeconds",
            "{\"complication\":\"BURN\",\"title\":\"t\",\"steps\":" + tooMany.build() + "}",
            "steps");
    for (var bad : refused.entrySet()) {
      Reply reply = api.send("POST", path, director, "application/json", bad.getKey(), Map.of());
      assertThat(reply.status()).as(bad.getKey() + " " + reply).isEqualTo(400);
      assertThat(
              reply.json().getJsonArray("violations").getValuesAs(JsonObject.class).stream()
                  .map(v -> v.getString("field"))
                  .toList())
          .as(bad.getKey())
          .contains(bad.getValue());
    }
    assertThat(api.get(path, director).array()).isEmpty();
  }
}
