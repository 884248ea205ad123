package com.directorline.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A small client for DirectorLine's HTTP API. */
public final class Api {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final String baseUrl;
  private final String metricsUrl;

  public Api(String baseUrl) {
    this(baseUrl, null);
  }

  /** With the separate listener that serves /metrics. */
  public Api(String baseUrl, String metricsUrl) {
    this.baseUrl = baseUrl;
    this.metricsUrl = metricsUrl;
  }

  /** {@code GET /metrics<query>} on the metrics listener, unauthenticated. */
  public Reply metrics(String query) {
    return metricsListener().get("/metrics" + query, null);
  }

  /** The separate listener that serves /metrics. */
  public Api metricsListener() {
    if (metricsUrl == null) {
      throw new IllegalStateException("this server's metrics listener is not known");
    }
    return new Api(metricsUrl);
  }

  public String baseUrl() {
    return baseUrl;
  }

  public Reply get(String path, String token) {
    return send("GET", path, token, null, null, Map.of());
  }

  public Reply post(String path, String token, Object json) {
    return send(
        "POST", path, token, "application/json", json == null ? null : json.toString(), Map.of());
  }

  public Reply patch(String path, String token, Object json) {
    return send("PATCH", path, token, "application/json", json.toString(), Map.of());
  }

  public Reply send(
      String method,
      String path,
      String token,
      String contentType,
      String body,
      Map<String, String> headers) {
    HttpResponse<String> response =
        exchange(
            request(
                method,
                path,
                token,
                contentType,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body),
                headers,
                Duration.ofSeconds(30)),
            HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  /** A request with a binary body and a binary answer, for photos. */
  public HttpResponse<byte[]> bytes(
      String method,
      String path,
      String token,
      String contentType,
      byte[] body,
      Map<String, String> headers) {
    return exchange(
        request(
            method,
            path,
            token,
            contentType,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body),
            headers,
            Duration.ofSeconds(60)),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest request(
      String method,
      String path,
      String token,
      String contentType,
      HttpRequest.BodyPublisher body,
      Map<String, String> headers,
      Duration timeout) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout).method(method, body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    headers.forEach(request::header);
    return request.build();
  }

  private static <T> HttpResponse<T> exchange(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    try {
      return HTTP.send(request, handler);
    } catch (IOException e) {
      throw new IllegalStateException(
          request.method() + " " + request.uri().getPath() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The same as {@link #bytes}, read as a JSON reply. */
  public Reply upload(
      String path, String token, String contentType, byte[] body, Map<String, String> headers) {
    HttpResponse<byte[]> response = bytes("POST", path, token, contentType, body, headers);
    return new Reply(
        response.statusCode(),
        response.headers(),
        new String(response.body(), StandardCharsets.UTF_8));
  }

  /**
   * Launches as the injector's phone does: one tap, the complication alone, with an idempotency key
   * (the phone sends one so that a retried tap launches once). Fails unless it answers 201.
   */
  public Reply launchAsThePhone(String injectorToken) {
    Reply reply =
        send(
            "POST",
            "/api/emergencies",
            injectorToken,
            "application/json",
            "{\"complication\":\"VASCULAR_OCCLUSION\"}",
            Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    if (reply.status() != 201) {
      throw new AssertionError("could not launch: " + reply);
    }
    return reply;
  }

  public Reply login(String username, String password) {
    return post(
        "/api/auth/login",
        null,
        Json.createObjectBuilder().add("username", username).add("password", password).build());
  }

  /** As {@link #login(String, String)}, with headers (e.g. X-Forwarded-For: "from" an address). */
  public Reply login(String username, String password, Map<String, String> headers) {
    return send(
        "POST",
        "/api/auth/login",
        null,
        "application/json",
        Json.createObjectBuilder()
            .add("username", username)
            .add("password", password)
            .build()
            .toString(),
        headers);
  }

  /** Signs in and returns the access token; fails the test when sign-in fails. */
  public String signIn(String username, String password) {
    Reply reply = login(username, password);
    if (reply.status() != 200) {
      throw new AssertionError("sign-in as " + username + " failed: " + reply);
    }
    return reply.json().getString("accessToken");
  }

  public String signInAsDemoAdmin() {
    return signIn("admin", ApiServer.DEMO_PASSWORD);
  }

  /** A one-step protocol for every complication, as a clinic's medical director writes them. */
  public void writeProtocols(String clinicId, String token) {
    for (String complication :
        List.of(
            "VASCULAR_OCCLUSION",
            "ANAPHYLAXIS",
            "ALLERGIC_REACTION",
            "BURN",
            "VASOVAGAL",
            "INFECTION",
            "OTHER")) {
      Reply written =
          post(
              "/api/clinics/" + clinicId + "/protocols",
              token,
              Json.createObjectBuilder()
                  .add("complication", complication)
                  .add("title", "Our " + complication + " protocol")
                  .add(
                      "steps",
                      Json.createArrayBuilder()
                          .add(Json.createObjectBuilder().add("text", "Call the director")))
                  .build());
      if (written.status() != 201) {
        throw new AssertionError("could not write a protocol: " + written);
      }
    }
  }

  /** A clinic of its own for one test, opened by the demo admin. */
  public Clinic newClinic() {
    String admin = signInAsDemoAdmin();
    String name = "Clinic " + UUID.randomUUID().toString().substring(0, 8);
    Reply created =
        post("/api/clinics", admin, Json.createObjectBuilder().add("name", name).build());
    if (created.status() != 201) {
      throw new AssertionError("could not open a clinic: " + created);
    }
    return new Clinic(this, created.json().getString("id"), admin);
  }

  /** A test clinic and the demo admin's token for it. */
  public record Clinic(Api api, String id, String demoAdminToken) {

    public static final String PASSWORD = "correct horse battery staple";

    /** Enrols a user with the given role(s) and returns their username. */
    public String enrol(String... roles) {
      String username = "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      var roleArray = Json.createArrayBuilder();
      for (String role : roles) {
        roleArray.add(role);
      }
      JsonObject user =
          Json.createObjectBuilder()
              .add("username", username)
              .add("displayName", "Test " + String.join("/", roles))
              .add("email", username + "@clinic.test")
              .add("phone", "+1 555 0142")
              .add("password", PASSWORD)
              .add("roles", roleArray)
              .build();
      Reply reply = api.post("/api/clinics/" + id + "/users", demoAdminToken, user);
      if (reply.status() != 201) {
        throw new AssertionError("could not enrol " + String.join(",", roles) + ": " + reply);
      }
      return username;
    }

    public String userId(String username) {
      return api.get("/api/clinics/" + id + "/users", demoAdminToken).array().stream()
          .map(v -> v.asJsonObject())
          .filter(u -> u.getString("username").equals(username))
          .map(u -> u.getString("id"))
          .findFirst()
          .orElseThrow();
    }

    public String signIn(String username) {
      return api.signIn(username, PASSWORD);
    }

    /**
     * The patient's consent to photos, recorded as a clinic does: a consent text of its own,
     * written by its admin ({@code adminToken}), and the patient's electronic signature taken by
     * staff ({@code staffToken}). Returns the consent as recorded (its {@code id}, its {@code
     * consentTextId}); fails unless both answer 201.
     */
    public JsonObject recordPhotoConsent(String adminToken, String staffToken, String patientRef) {
      Reply text =
          api.post(
              "/api/clinics/" + id + "/consent-texts",
              adminToken,
              Json.createObjectBuilder()
                  .add("kind", "PHOTO_CAPTURE_AND_SHARING")
                  .add(
                      "text",
                      "Photos of the treated area may be taken and shared with the director.")
                  .build());
      if (text.status() != 201) {
        throw new AssertionError("could not write the consent text: " + text);
      }
      Reply consent =
          api.post(
              "/api/consents",
              staffToken,
              Json.createObjectBuilder()
                  .add("patientRef", patientRef)
                  .add("kind", "PHOTO_CAPTURE_AND_SHARING")
                  .add("consentTextId", text.json().getString("id"))
                  .add(
                      "givenBy",
                      Json.createObjectBuilder()
                          .add("name", "Jane Doe")
                          .add("relationship", "self"))
                  .add("method", "ELECTRONIC_SIGNATURE")
                  .add("signature", "Jane Doe")
                  .build());
      if (consent.status() != 201) {
        throw new AssertionError("could not record the consent: " + consent);
      }
      return consent.json();
    }

    /** Every recorded email and webhook attempt of the clinic's alerts, newest first (as ADMIN). */
    public List<JsonObject> alertDeliveries() {
      return api.get("/api/clinics/" + id + "/alert-deliveries", demoAdminToken)
          .array()
          .getValuesAs(JsonObject.class);
    }

    /** Defines the clinic's escalation policy: one step per list of director ids. */
    public void definePolicy(List<List<String>> steps, int timeoutSeconds, String transferPlan) {
      var stepArray = Json.createArrayBuilder();
      for (List<String> directorIds : steps) {
        var ids = Json.createArrayBuilder();
        directorIds.forEach(ids::add);
        stepArray.add(
            Json.createObjectBuilder()
                .add("directorIds", ids)
                .add("timeoutSeconds", timeoutSeconds));
      }
      Reply reply =
          api.send(
              "PUT",
              "/api/clinics/" + id + "/escalation-policy",
              demoAdminToken,
              "application/json",
              Json.createObjectBuilder()
                  .add("steps", stepArray)
                  .add("repeat", 0)
                  .add("transferPlan", transferPlan)
                  .build()
                  .toString(),
              Map.of());
      if (reply.status() != 200) {
        throw new AssertionError("could not define the escalation policy: " + reply);
      }
    }
  }
}
