package com.directorline.clinical.entity;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an incident record says: the treatment, the complication's onset and signs, what was done,
 * whether and by whom the patient was told, where the patient went, the follow-up plan, notes.
 * Every field may be empty in a draft; {@link #missingForSignature()} names what a signature needs.
 */
public record IncidentDetails(
    String procedure,
    String product,
    String lot,
    String volume,
    String sites,
    Instant treatedAt,
    Instant onsetAt,
    String signs,
    String actionsTaken,
    Boolean patientInformed,
    String informedBy,
    Disposition disposition,
    String followUpPlan,
    String notes) {

  public static final IncidentDetails EMPTY =
      new IncidentDetails(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  /** Blank text is no text; text is stripped. */
  public IncidentDetails {
    procedure = clean(procedure);
    product = clean(product);
    lot = clean(lot);
    volume = clean(volume);
    sites = clean(sites);
    signs = clean(signs);
    actionsTaken = clean(actionsTaken);
    informedBy = clean(informedBy);
    followUpPlan = clean(followUpPlan);
    notes = clean(notes);
  }

  /**
   * The fields a signed record must have, by their JSON names: what was done and to whom, what
   * happened and when, what was done about it, whether the patient was told (and by whom), and
   * where the patient went.
   */
  public List<String> missingForSignature() {
    List<String> missing = new ArrayList<>();
    if (procedure == null) {
      missing.add("procedure");
    }
    if (onsetAt == null) {
      missing.add("onsetAt");
    }
    if (signs == null) {
      missing.add("signs");
    }
    if (actionsTaken == null) {
      missing.add("actionsTaken");
    }
    if (patientInformed == null) {
      missing.add("patientInformed");
    }
    if (Boolean.TRUE.equals(patientInformed) && informedBy == null) {
      missing.add("informedBy");
    }
    if (disposition == null) {
      missing.add("disposition");
    }
    return missing;
  }

  /** The fields as a JSON object, in a fixed order: what a signature covers. */
  public JsonObjectBuilder toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder();
    put(json, "procedure", procedure);
    put(json, "product", product);
    put(json, "lot", lot);
    put(json, "volume", volume);
    put(json, "sites", sites);
    put(json, "treatedAt", treatedAt == null ? null : treatedAt.toString());
    put(json, "onsetAt", onsetAt == null ? null : onsetAt.toString());
    put(json, "signs", signs);
    put(json, "actionsTaken", actionsTaken);
    if (patientInformed == null) {
      json.addNull("patientInformed");
    } else {
      json.add("patientInformed", patientInformed);
    }
    put(json, "informedBy", informedBy);
    put(json, "disposition", disposition == null ? null : disposition.name());
    put(json, "followUpPlan", followUpPlan);
    put(json, "notes", notes);
    return json;
  }

  /** The fields back from {@link #toJson()}. */
  public static IncidentDetails fromJson(JsonObject json) {
    return new IncidentDetails(
        text(json, "procedure"),
        text(json, "product"),
        text(json, "lot"),
        text(json, "volume"),
        text(json, "sites"),
        instant(json, "treatedAt"),
        instant(json, "onsetAt"),
        text(json, "signs"),
        text(json, "actionsTaken"),
        json.isNull("patientInformed") ? null : json.getBoolean("patientInformed"),
        text(json, "informedBy"),
        json.isNull("disposition") ? null : Disposition.valueOf(json.getString("disposition")),
        text(json, "followUpPlan"),
        text(json, "notes"));
  }

  private static void put(JsonObjectBuilder json, String name, String value) {
    if (value == null) {
      json.addNull(name);
    } else {
      json.add(name, value);
    }
  }

  private static String text(JsonObject json, String name) {
    JsonValue value = json.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? null
        : json.getString(name);
  }

  private static Instant instant(JsonObject json, String name) {
    String value = text(json, name);
    return value == null ? null : Instant.parse(value);
  }

  private static String clean(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
