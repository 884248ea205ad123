package com.directorline.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ApiServer.class)
class OperationsIT {

  @Test
  void readinessReportsTheMigratedDatabase(Api api) {
    Reply ready = api.get("/health/ready", null);

    assertThat(ready.status()).isEqualTo(200);
    JsonObject database = ready.json().getJsonArray("checks").getJsonObject(0);
    assertThat(database.getString("name")).isEqualTo("database");
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("schemaVersion")).isNotBlank();
  }

  @Test
  void livenessAndMetricsAnswer(Api api) {
    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    Reply metrics = api.get("/metrics?scope=base", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_uptime");
  }

  @Test
  void openApiNamesTheRolesOfEveryOperation(Api api) {
    Reply document =
        api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json"));
    JsonObject paths;
    try (var reader = Json.createReader(new StringReader(document.body()))) {
      paths = reader.readObject().getJsonObject("paths");
    }

    assertThat(paths.keySet())
        .contains(
            "/api/auth/login",
            "/api/auth/logout",
            "/api/me",
            "/api/clinics",
            "/api/clinics/{id}",
            "/api/clinics/{id}/users",
            "/api/users/{id}");
    paths.forEach(
        (path, item) ->
            item.asJsonObject()
                .forEach(
                    (method, operation) ->
                        assertThat(operation.asJsonObject().containsKey("x-roles"))
                            .as(method + " " + path)
                            .isTrue()));
    assertThat(
            paths
                .getJsonObject("/api/clinics")
                .getJsonObject("get")
                .getJsonArray("x-roles")
                .getString(0))
        .isEqualTo("ADMIN");
    assertThat(
            paths
                .getJsonObject("/api/auth/login")
                .getJsonObject("post")
                .getJsonArray("x-roles")
                .getString(0))
        .isEqualTo("PUBLIC");
  }

  @Test
  void everyAnswerCarriesACorrelationIdAndHardeningHeaders(Api api) {
    Reply mine =
        api.send("GET", "/api/me", null, null, null, Map.of("X-Correlation-Id", "trace-abc-12345"));
    Reply generated = api.get("/api/me", null);

    assertThat(mine.header("X-Correlation-Id")).isEqualTo("trace-abc-12345");
    assertThat(mine.json().getString("correlationId")).isEqualTo("trace-abc-12345");
    assertThat(generated.header("X-Correlation-Id")).matches("[0-9a-f-]{36}");
    assertThat(generated.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(generated.header("Cache-Control")).isEqualTo("no-store");
    assertThat(generated.header("Referrer-Policy")).isEqualTo("no-referrer");
  }
}
