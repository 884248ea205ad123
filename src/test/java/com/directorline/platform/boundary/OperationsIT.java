package com.directorline.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.ApplicationClasses;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ApiServer.class)
class OperationsIT {

  @Test
  void readinessReportsTheMigratedDatabase(Api api) {
    Reply ready = api.get("/health/ready", null);

    assertThat(ready.status()).isEqualTo(200);
    // The checks come in no fixed order.
    Map<String, JsonObject> checks = new HashMap<>();
    ready
        .json()
        .getJsonArray("checks")
        .getValuesAs(JsonObject.class)
        .forEach(c -> checks.put(c.getString("name"), c));
    JsonObject database = checks.get("database");
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("schemaVersion")).isNotBlank();
    JsonObject sealer = checks.get("audit-sealer");
    assertThat(sealer.getString("status")).isEqualTo("UP");
    assertThat(sealer.getJsonObject("data").getString("failing")).isEqualTo("false");
  }

  @Test
  void livenessAnswersAndMetricsOnlyOnTheirOwnListener(Api api) {
    assertThat(api.get("/health/live", null).status()).isEqualTo(200);
    Reply metrics = api.metrics("?scope=base");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_uptime");

    Reply publicMetrics = api.get("/metrics?scope=base", null);
    assertThat(publicMetrics.status()).as("the public port").isEqualTo(404);
    assertThat(publicMetrics.contentType()).startsWith("application/problem+json");
    assertThat(publicMetrics.body()).doesNotContain("jvm_uptime");
    assertThat(api.metricsListener().get("/api/me", null).status())
        .as("the metrics listener serves nothing else")
        .isEqualTo(404);
    assertThat(api.metricsListener().get("/", null).status()).isEqualTo(404);
  }

  /**
   * What the container would answer by itself (TRACE, oversized headers) is a problem like every
   * other refusal, TRACE never echoes the request, and no answer names the server's product.
   */
  @Test
  void theContainersOwnRefusalsAreProblemsAndNoAnswerNamesTheProduct(Api api) {
    for (String path :
        List.of("/", "/index.html", "/api/me", "/api/nothing", "/health", "/openapi")) {
      Reply trace =
          api.send("TRACE", path, null, null, null, Map.of("X-Echo-Me", "s3cr3t-cookie-value"));
      assertThat(trace.status()).as("TRACE " + path).isEqualTo(405);
      assertThat(trace.contentType()).as("TRACE " + path).startsWith("application/problem+json");
      assertThat(trace.body()).doesNotContain("s3cr3t-cookie-value");
      assertThat(trace.json().getInt("status")).isEqualTo(405);
      assertThat(trace.header("Allow")).contains("GET").doesNotContain("TRACE");
    }

    Reply tenKb =
        api.send("GET", "/health/live", null, null, null, Map.of("X-Big", "a".repeat(10_240)));
    assertThat(tenKb.status()).as("10 KB of headers are within the limit").isEqualTo(200);
    Reply tooLarge =
        api.send("GET", "/api/me", null, null, null, Map.of("X-Big", "a".repeat(20_000)));
    assertThat(tooLarge.status()).isEqualTo(431);
    assertThat(tooLarge.contentType()).startsWith("application/problem+json");
    assertThat(tooLarge.json().getString("detail")).contains("16 KB");

    Reply nul = api.get("/api/%00", null);
    assertThat(nul.status()).as("a NUL in the path never reaches the application").isEqualTo(400);

    List<Reply> answers =
        List.of(
            api.get("/", null),
            api.get("/api/me", null),
            api.get("/health/ready", null),
            api.get("/nothing-here", null),
            nul,
            tooLarge,
            api.metrics("?scope=base"));
    assertThat(answers)
        .allSatisfy(
            reply -> {
              assertThat(reply.header("Server")).as(reply.toString()).isNull();
              assertThat(reply.header("X-Powered-By")).as(reply.toString()).isNull();
            });
  }

  @Test
  void openApiNamesTheRolesOfEveryOperation(Api api) {
    JsonObject paths = openApi(api).getJsonObject("paths");

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

  /**
   * Payara names a schema by the record's simple name (two records of one name become one schema
   * with both sets of fields, so they must have the same fields), and a record whose class it
   * happens to visit before the operation using it gets only its constrained fields. Either way the
   * document would mislead a client.
   */
  @Test
  void everyRecordTheApiTakesOrAnswersIsDescribedWithExactlyItsFields(Api api) {
    JsonObject schemas = openApi(api).getJsonObject("components").getJsonObject("schemas");
    Map<String, List<Class<?>>> records =
        ApplicationClasses.all().stream()
            .filter(Class::isRecord)
            .collect(Collectors.groupingBy(Class::getSimpleName));

    List<String> checked = new ArrayList<>();
    schemas.forEach(
        (name, schema) -> {
          List<Class<?>> named = records.get(name);
          if (named == null) {
            return;
          }
          JsonObject properties = schema.asJsonObject().getJsonObject("properties");
          for (Class<?> record : named) {
            assertThat(properties == null ? Set.of() : properties.keySet())
                .as("the properties of schema " + name + " for " + record.getName())
                .containsExactlyInAnyOrder(
                    Arrays.stream(record.getRecordComponents())
                        .map(RecordComponent::getName)
                        .toArray(String[]::new));
          }
          checked.add(name);
        });
    assertThat(checked).contains("LaunchRequest", "EmergencyView", "ReviewRequest", "NewConsent");
  }

  private static JsonObject openApi(Api api) {
    Reply document =
        api.send("GET", "/openapi", null, null, null, Map.of("Accept", "application/json"));
    try (var reader = Json.createReader(new StringReader(document.body()))) {
      return reader.readObject();
    }
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
