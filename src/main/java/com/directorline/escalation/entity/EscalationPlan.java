package com.directorline.escalation.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * Whom to alert, in which order, how long to wait at each step, how often to go round, and what to
 * do when nobody answers. A value: the version in force is frozen into each emergency at launch, so
 * editing the policy never changes an emergency under way.
 */
public record EscalationPlan(int version, List<Step> steps, int repeat, String transferPlan) {

  public static final int MAX_STEPS = 10;
  public static final int MAX_REPEAT = 5;

  /**
   * One step: these directors are alerted together and get {@code timeoutSeconds} to accept. A
   * policy's step may name a roster line ({@code onCall}) instead of people; a plan frozen into an
   * emergency names people only.
   */
  public record Step(List<UUID> directorIds, OnCall onCall, int timeoutSeconds) {
    public Step {
      directorIds = directorIds == null ? List.of() : List.copyOf(directorIds);
      if (directorIds.isEmpty() == (onCall == null)) {
        throw new IllegalArgumentException("a step names directors or a roster line, not both");
      }
      if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
        throw new IllegalArgumentException("a step waits 1 to 3600 seconds");
      }
    }

    public Step(List<UUID> directorIds, int timeoutSeconds) {
      this(directorIds, null, timeoutSeconds);
    }

    public Duration timeout() {
      return Duration.ofSeconds(timeoutSeconds);
    }

    /** Whether the roster decides whom this step alerts, at launch. */
    public boolean namesRoster() {
      return onCall != null;
    }
  }

  public EscalationPlan {
    steps = List.copyOf(steps);
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException("a plan has 1 to " + MAX_STEPS + " steps");
    }
    if (repeat < 0 || repeat > MAX_REPEAT) {
      throw new IllegalArgumentException("a plan repeats 0 to " + MAX_REPEAT + " times");
    }
    if (transferPlan == null || transferPlan.isBlank()) {
      throw new IllegalArgumentException("a plan says what to do when nobody answers");
    }
  }

  /** The same plan with these steps (the roster's steps resolved to people at launch). */
  public EscalationPlan withSteps(List<Step> resolved) {
    return new EscalationPlan(version, resolved, repeat, transferPlan);
  }

  /** The same plan with the transfer plan the phone will show (the clinic's own lines). */
  public EscalationPlan withTransferPlan(String text) {
    return new EscalationPlan(version, steps, repeat, text);
  }

  public Step step(int index) {
    return steps.get(index);
  }

  public String stepsJson() {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (Step step : steps) {
      JsonArrayBuilder ids = Json.createArrayBuilder();
      step.directorIds().forEach(id -> ids.add(id.toString()));
      var json =
          Json.createObjectBuilder()
              .add("directorIds", ids)
              .add("timeoutSeconds", step.timeoutSeconds());
      if (step.onCall() != null) {
        json.add("onCall", step.onCall().name());
      }
      array.add(json);
    }
    return array.build().toString();
  }

  public static List<Step> stepsFromJson(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonArray array = reader.readArray();
      return array.getValuesAs(JsonObject.class).stream()
          .map(
              o ->
                  new Step(
                      o.getJsonArray("directorIds").getValuesAs(JsonString.class).stream()
                          .map(s -> UUID.fromString(s.getString()))
                          .toList(),
                      o.containsKey("onCall") ? OnCall.valueOf(o.getString("onCall")) : null,
                      o.getInt("timeoutSeconds")))
          .toList();
    }
  }

  /** The whole plan as one JSON document, as an emergency stores it. */
  public String toJson() {
    try (var reader = Json.createReader(new StringReader(stepsJson()))) {
      return Json.createObjectBuilder()
          .add("version", version)
          .add("steps", reader.readArray())
          .add("repeat", repeat)
          .add("transferPlan", transferPlan)
          .build()
          .toString();
    }
  }

  public static EscalationPlan fromJson(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      JsonObject o = reader.readObject();
      return new EscalationPlan(
          o.getInt("version"),
          stepsFromJson(o.getJsonArray("steps").toString()),
          o.getInt("repeat"),
          o.getString("transferPlan"));
    }
  }
}
