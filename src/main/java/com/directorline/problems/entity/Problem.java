package com.directorline.problems.entity;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;

/** An RFC 9457 problem document. */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    String correlationId,
    List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String TYPE_PREFIX = "urn:directorline:problem:";

  public Problem {
    violations = violations == null ? List.of() : List.copyOf(violations);
  }

  /** A problem type of ours, e.g. {@code typeOf("validation")}. */
  public static String typeOf(String slug) {
    return TYPE_PREFIX + slug;
  }

  /**
   * The occurrence, named by its correlation id. Not the request path: a path can carry a patient
   * reference, and an error must not repeat it.
   */
  public static String instanceOf(String correlationId) {
    return correlationId == null ? null : "urn:uuid:" + correlationId;
  }

  public Problem at(String instance, String correlationId) {
    return new Problem(type, title, status, detail, instance, correlationId, violations);
  }

  public JsonObject toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (instance != null) {
      json.add("instance", instance);
    }
    if (correlationId != null) {
      json.add("correlationId", correlationId);
    }
    if (!violations.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      violations.forEach(
          v ->
              list.add(
                  Json.createObjectBuilder().add("field", v.field()).add("message", v.message())));
      json.add("violations", list);
    }
    return json.build();
  }

  /** The standard problem for a bare HTTP status, as the container or JAX-RS runtime raised it. */
  public static Problem forStatus(int status, String detail) {
    return new Problem(
        "about:blank", StatusTitles.titleOf(status), status, detail, null, null, List.of());
  }
}
