package com.directorline.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.photos.control.TestImages;
import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every operation /openapi documents, called by every role of clinic A with clinic B's identifiers
 * in its path, its query and its body: no answer is a success on B's data, and no answer carries
 * any of B's identifiers or its patient reference (unless the caller sent it). The same holds for a
 * person who works in both clinics, for every operation their role in B does not allow: holding a
 * role in A never lends it in B. Bodies are built from each operation's documented schema, so a new
 * operation is covered without a line here.
 */
@ExtendWith(ApiServer.class)
class TenancyMatrixIT {

  /** Clinic B and what it holds. */
  record Victim(
      Api.Clinic handle,
      String clinic,
      String emergency,
      String photo,
      String consent,
      String consentText,
      String task,
      String director,
      String patient,
      List<String> users) {

    /** Of these, the ones no request of the matrix sends (B's people but its director). */
    Set<String> unsent(Set<String> identifiers) {
      Set<String> unsent = new LinkedHashSet<>(identifiers);
      unsent.removeAll(List.of(clinic, emergency, photo, consent, consentText, task, director));
      return unsent;
    }

    /** B's identifiers, but for the people who also work for A (the demo admin opened both). */
    Set<String> identifiers(Set<String> alsoInA) {
      Set<String> all = new LinkedHashSet<>();
      all.addAll(List.of(clinic, emergency, photo, consent, consentText, task, director));
      all.addAll(users);
      all.removeAll(alsoInA);
      return all;
    }
  }

  private static final String TEXT = "Matrix probe text, long enough for every rule 4711";

  @Test
  void noRoleOfOneClinicReachesAnotherClinicsDataThroughAnyOperation(Api api) {
    Victim b = victim(api);
    Api.Clinic a = api.newClinic();
    List<Caller> callers = new ArrayList<>();
    for (String role : List.of("INJECTOR", "DIRECTOR", "COMPLIANCE_OFFICER", "ADMIN")) {
      callers.add(new Caller(role, a.signIn(a.enrol(role)), null));
    }
    Set<String> alsoInA =
        api.get("/api/clinics/" + a.id() + "/users", a.demoAdminToken()).array().stream()
            .map(v -> v.asJsonObject().getString("id"))
            .collect(Collectors.toSet());
    Set<String> identifiers = b.identifiers(alsoInA);
    // B's handle signed in before A was set up: on a busy machine its session may have idled
    // out (the test server's idle timeout is 10 s), so B's admin is enrolled with a fresh one.
    Api.Clinic bNow = new Api.Clinic(api, b.clinic(), api.signInAsDemoAdmin());
    String adminOfB = bNow.signIn(bNow.enrol("ADMIN"));
    for (String role : List.of("INJECTOR", "DIRECTOR", "COMPLIANCE_OFFICER", "ADMIN")) {
      String inB = role.equals("INJECTOR") ? "COMPLIANCE_OFFICER" : "INJECTOR";
      callers.add(
          new Caller(
              role + " in A, " + inB + " in B", bothClinics(api, a, b, role, inB, adminOfB), inB));
    }

    JsonObject document = openapi(api);
    JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
    List<String> failures = new ArrayList<>();
    int calls = 0;
    for (var path : document.getJsonObject("paths").entrySet()) {
      for (var entry : path.getValue().asJsonObject().entrySet()) {
        String method = entry.getKey().toUpperCase();
        if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)
            || skipped(method, path.getKey())) {
          continue;
        }
        JsonObject operation = entry.getValue().asJsonObject();
        String query = query(operation, b);
        String target =
            path.getKey()
                    .replace("{patientRef}", b.patient())
                    .replaceAll("\\{[^}]+}", idFor(path.getKey(), b))
                + query;
        // A path naming B's object, or B's clinic named as the clinic to act in. (A search
        // filtered by B's patient or emergency rightly answers, with nothing of B in it.)
        boolean aimedAtB = (path.getKey().contains("{id}") || query.contains("clinicId="));
        for (Caller caller : callers) {
          if (caller.inB() != null && roles(operation).contains(caller.inB())) {
            continue; // their role in B allows this operation there
          }
          Reply reply = call(api, method, target, caller.token(), operation, schemas, b);
          calls++;
          String what = caller.label() + " " + method + " " + target + " -> " + reply.status();
          if (aimedAtB && reply.status() >= 200 && reply.status() < 300) {
            failures.add(what + ": a success on another clinic's data");
          }
          // The trail rightly shows A's own requests, which named B's objects; B's events would
          // name B's other people, whom no request here names.
          Set<String> checked =
              new LinkedHashSet<>(
                  path.getKey().startsWith("/api/audit/") ? b.unsent(identifiers) : identifiers);
          if (caller.inB() != null) {
            checked.remove(b.clinic()); // a member of B knows its clinic (in /api/me, say)
          }
          for (String id : checked) {
            if (reply.body().contains(id)) {
              failures.add(what + ": the answer names another clinic's " + id);
            }
          }
          boolean sentPatient =
              target.contains(b.patient()) || operation.containsKey("requestBody");
          if (!sentPatient && reply.body().contains(b.patient())) {
            failures.add(what + ": the answer names another clinic's patient");
          }
          if (reply.status() >= 500) {
            failures.add(what + ": " + reply.body());
          }
        }
      }
    }
    assertThat(calls).as("calls made").isGreaterThan(250);
    assertThat(failures).isEmpty();
  }

  /** Who calls: a role in A, and for a person in both clinics their role in B. */
  record Caller(String label, String token, String inB) {}

  /**
   * A person enrolled in A with {@code role}, added to B by the demo admin (who opened both) and
   * given {@code inB} there by B's own admin, signed in.
   */
  private static String bothClinics(
      Api api, Api.Clinic a, Victim b, String role, String inB, String adminOfB) {
    String username = a.enrol(role);
    String id = a.userId(username);
    Reply added =
        api.patch(
            "/api/users/" + id,
            a.demoAdminToken(),
            Json.createObjectBuilder()
                .add("clinicIds", Json.createArrayBuilder().add(a.id()).add(b.clinic()))
                .build());
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    Reply roleInB =
        api.patch(
            "/api/users/" + id,
            adminOfB,
            Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add(inB)).build());
    assertThat(roleInB.status()).as(roleInB.toString()).isEqualTo(200);
    JsonObject person = api.get("/api/users/" + id, a.demoAdminToken()).json();
    assertThat(person.getJsonArray("memberships").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("clinicId") + "=" + m.getJsonArray("roles").getString(0))
        .containsExactlyInAnyOrder(a.id() + "=" + role, b.clinic() + "=" + inB);
    return a.signIn(username);
  }

  /** The roles /openapi names for an operation. */
  private static List<String> roles(JsonObject operation) {
    return operation.containsKey("x-roles")
        ? operation.getJsonArray("x-roles").getValuesAs(JsonString::getString)
        : List.of();
  }

  /** Streams, sign-in and opening a clinic (which makes its opener its admin) are not about B. */
  private static boolean skipped(String method, String path) {
    return path.equals("/api/alerts")
        || path.startsWith("/api/auth/")
        || (method.equals("POST") && path.equals("/api/clinics"));
  }

  /** The B object a path's identifier names, by the collection it follows. */
  private static String idFor(String path, Victim b) {
    if (path.startsWith("/api/emergencies/")) {
      return b.emergency();
    }
    if (path.startsWith("/api/photos/")) {
      return b.photo();
    }
    if (path.startsWith("/api/consents/")) {
      return b.consent();
    }
    if (path.startsWith("/api/users/")) {
      return b.director();
    }
    if (path.startsWith("/api/follow-up-tasks/")) {
      return b.task();
    }
    return b.clinic();
  }

  /** B's identifiers in the operation's query parameters. */
  private static String query(JsonObject operation, Victim b) {
    List<String> pairs = new ArrayList<>();
    for (JsonValue value :
        operation.getJsonArray("parameters") == null
            ? List.<JsonValue>of()
            : operation.getJsonArray("parameters")) {
      JsonObject parameter = value.asJsonObject();
      if (!"query".equals(parameter.getString("in"))) {
        continue;
      }
      String name = parameter.getString("name");
      String v =
          switch (name) {
            case "clinicId" -> b.clinic();
            case "patientRef" -> b.patient();
            case "emergencyId" -> b.emergency();
            case "userId" -> b.director();
            default -> null;
          };
      if (v != null) {
        pairs.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
      }
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private static Reply call(
      Api api,
      String method,
      String target,
      String token,
      JsonObject operation,
      JsonObject schemas,
      Victim b) {
    if (!operation.containsKey("requestBody")) {
      return api.send(method, target, token, null, null, Map.of());
    }
    JsonObject content = operation.getJsonObject("requestBody").getJsonObject("content");
    if (!content.containsKey("application/json")) {
      // A photo: the bytes themselves.
      return api.upload(target, token, "image/png", TestImages.pngWithMetadata(8, 8), Map.of());
    }
    JsonObject schema = content.getJsonObject("application/json").getJsonObject("schema");
    JsonValue body = value("body", schema, schemas, b, 0);
    return api.send(method, target, token, "application/json", body.toString(), Map.of());
  }

  /** A plausible value for a schema, with B's identifiers wherever an identifier goes. */
  private static JsonValue value(
      String name, JsonObject schema, JsonObject schemas, Victim b, int depth) {
    if (schema.containsKey("$ref")) {
      String ref = schema.getString("$ref");
      return value(
          name, schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1)), schemas, b, depth);
    }
    if (schema.containsKey("enum")) {
      return schema.getJsonArray("enum").get(0);
    }
    String type = schema.getString("type", schema.containsKey("properties") ? "object" : "string");
    switch (type) {
      case "object" -> {
        JsonObjectBuilder object = Json.createObjectBuilder();
        if (depth < 4 && schema.containsKey("properties")) {
          schema
              .getJsonObject("properties")
              .forEach(
                  (property, sub) ->
                      object.add(
                          property, value(property, sub.asJsonObject(), schemas, b, depth + 1)));
        }
        return object.build();
      }
      case "array" -> {
        JsonArrayBuilder array = Json.createArrayBuilder();
        if (schema.containsKey("items")) {
          array.add(value(name, schema.getJsonObject("items"), schemas, b, depth + 1));
        }
        return array.build();
      }
      case "integer" -> {
        return Json.createValue(60);
      }
      case "number" -> {
        return Json.createValue(1);
      }
      case "boolean" -> {
        return JsonValue.TRUE;
      }
      default -> {
        String format = schema.getString("format", "");
        String lower = name.toLowerCase();
        if (format.equals("uuid")) {
          return Json.createValue(
              lower.contains("clinic")
                  ? b.clinic()
                  : lower.contains("text")
                      ? b.consentText()
                      : lower.contains("emergency") ? b.emergency() : b.director());
        }
        if (format.equals("date-time")) {
          return Json.createValue(Instant.now().plusSeconds(3600).toString());
        }
        if (lower.contains("patient")) {
          return Json.createValue(b.patient());
        }
        if (lower.equals("url")) {
          // Allowed on the test server, so only the tenancy check stands in the way.
          return Json.createValue("http://127.0.0.1:9/matrix-hook");
        }
        return Json.createValue(TEXT);
      }
    }
  }

  private static JsonObject openapi(Api api) {
    Reply document =
        api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json"));
    try (var reader = Json.createReader(new StringReader(document.body()))) {
      return reader.readObject();
    }
  }

  /** Clinic B with an emergency, a photo, a consent text and consent, and a follow-up task. */
  private static Victim victim(Api api) {
    Api.Clinic b = api.newClinic();
    String injectorName = b.enrol("INJECTOR");
    String directorName = b.enrol("DIRECTOR");
    String officerName = b.enrol("COMPLIANCE_OFFICER");
    String director = b.userId(directorName);
    b.definePolicy(List.of(List.of(director)), 60, "Call 911");
    String injector = b.signIn(injectorName);
    String patient = "MRN-VICTIM-" + System.nanoTime();
    String emergency =
        api.post(
                "/api/emergencies",
                injector,
                Json.createObjectBuilder()
                    .add("complication", "VASCULAR_OCCLUSION")
                    .add("patientRef", patient)
                    .add("patientInitials", "VB")
                    .build())
            .json()
            .getString("id");
    api.post(
        "/api/emergencies/" + emergency + "/consent-exception",
        injector,
        Json.createObjectBuilder().add("reason", "the patient cannot consent now").build());
    String photo =
        api.upload(
                "/api/emergencies/" + emergency + "/photos",
                injector,
                "image/png",
                TestImages.pngWithMetadata(16, 16),
                Map.of())
            .json()
            .getString("id");
    JsonObject recorded = b.recordPhotoConsent(b.demoAdminToken(), injector, patient);
    String consent = recorded.getString("id");
    String text = recorded.getString("consentTextId");
    String task =
        api.get("/api/follow-up-tasks", injector).array().stream()
            .map(v -> v.asJsonObject())
            .filter(t -> emergency.equals(t.getString("emergencyId", "")))
            .map(t -> t.getString("id"))
            .findFirst()
            .orElseThrow();
    List<String> users =
        api.get("/api/clinics/" + b.id() + "/users", b.demoAdminToken()).array().stream()
            .map(v -> v.asJsonObject().getString("id"))
            .toList();
    assertThat(api.get("/api/me", b.signIn(officerName)).status()).isEqualTo(200);
    return new Victim(b, b.id(), emergency, photo, consent, text, task, director, patient, users);
  }
}
