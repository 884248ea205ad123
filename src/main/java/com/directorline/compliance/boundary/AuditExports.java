package com.directorline.compliance.boundary;

import com.directorline.audit.entity.AuditAction;
import com.directorline.audit.entity.AuditEvent;
import com.directorline.compliance.control.AuditSearch;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The trail as CSV and as a FHIR R4 Bundle of AuditEvent resources shaped like IHE BALP. */
final class AuditExports {

  static final String FHIR_JSON = "application/fhir+json";

  /** The CSV's columns: those of the search's JSON items, in the same order and names. */
  private static final RecordComponent[] COLUMNS = AuditEventView.class.getRecordComponents();

  private static final String BALP = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/";

  private AuditExports() {}

  static String csv(List<AuditSearch.Found> rows) {
    StringBuilder out = new StringBuilder(256 * (rows.size() + 1));
    for (int i = 0; i < COLUMNS.length; i++) {
      out.append(i > 0 ? "," : "").append(COLUMNS[i].getName());
    }
    out.append("\r\n");
    for (AuditSearch.Found found : rows) {
      AuditEventView view = AuditEventView.of(found);
      for (int i = 0; i < COLUMNS.length; i++) {
        out.append(i > 0 ? "," : "").append(cell(value(COLUMNS[i], view)));
      }
      out.append("\r\n");
    }
    return out.toString();
  }

  private static Object value(RecordComponent column, AuditEventView view) {
    try {
      return column.getAccessor().invoke(view);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + column.getName(), e);
    }
  }

  /**
   * RFC 4180 quoting, and a leading apostrophe before = + - @ so a spreadsheet never runs a value
   * (a user agent, a username) as a formula.
   */
  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",")
        || text.contains("\"")
        || text.contains("\n")
        || text.contains("\r")
        || text.startsWith("'")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  static JsonObject fhir(List<AuditSearch.Found> rows, Instant now) {
    JsonArrayBuilder entries = Json.createArrayBuilder();
    for (AuditSearch.Found found : rows) {
      entries.add(
          Json.createObjectBuilder()
              .add("fullUrl", "urn:uuid:" + eventUuid(found.event()))
              .add("resource", auditEvent(found))
              .add("search", Json.createObjectBuilder().add("mode", "match")));
    }
    // An export answers a search, and R4 allows "total" only in a searchset (bdl-1).
    return Json.createObjectBuilder()
        .add("resourceType", "Bundle")
        .add("id", UUID.randomUUID().toString())
        .add("type", "searchset")
        .add("timestamp", now.toString())
        .add("total", rows.size())
        .add("entry", entries)
        .build();
  }

  /** A stable UUID per event, so the same event exported twice has the same resource id. */
  private static UUID eventUuid(AuditEvent e) {
    return UUID.nameUUIDFromBytes(("directorline-audit-event:" + e.id()).getBytes());
  }

  private static JsonObject auditEvent(AuditSearch.Found found) {
    AuditEvent e = found.event();
    boolean login =
        e.action() == AuditAction.LOGIN
            || e.action() == AuditAction.LOGOUT
            || e.action() == AuditAction.LOCKOUT;
    JsonObjectBuilder resource =
        Json.createObjectBuilder()
            .add("resourceType", "AuditEvent")
            .add("id", eventUuid(e).toString())
            .add(
                "meta",
                Json.createObjectBuilder()
                    .add("profile", Json.createArrayBuilder().add(BALP + profile(e, login))))
            .add("type", login ? coding(DCM, "110114", "User Authentication") : restType())
            .add("subtype", Json.createArrayBuilder().add(subtype(e)))
            .add("action", e.action().fhirCode())
            .add("recorded", e.occurredAt().toString())
            .add("outcome", e.outcome().fhirCode());
    if (present(e.reason())) {
      resource.add("outcomeDesc", e.reason());
    }
    if (e.purpose() != null) {
      resource.add(
          "purposeOfEvent",
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add(
                          "coding",
                          Json.createArrayBuilder()
                              .add(
                                  Json.createObjectBuilder()
                                      .add(
                                          "system",
                                          "http://terminology.hl7.org/CodeSystem/v3-ActReason")
                                      .add("code", e.purpose().actReason())
                                      .add("display", e.purpose().display())))));
    }
    resource.add("agent", Json.createArrayBuilder().add(agent(e)));
    resource.add(
        "source",
        Json.createObjectBuilder()
            .add("site", "DirectorLine")
            .add("observer", Json.createObjectBuilder().add("display", "DirectorLine"))
            .add(
                "type",
                Json.createArrayBuilder()
                    .add(
                        coding(
                            "http://terminology.hl7.org/CodeSystem/security-source-type",
                            "4",
                            "Application Server"))));
    JsonArrayBuilder entities = Json.createArrayBuilder();
    if (present(e.patientRef())) {
      entities.add(
          Json.createObjectBuilder()
              .add("what", identifier(e.patientRef()))
              .add(
                  "type",
                  coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"))
              .add(
                  "role",
                  coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")));
    }
    if (present(e.objectId())) {
      entities.add(
          Json.createObjectBuilder()
              .add("what", identifier(e.objectId()))
              .add(
                  "type",
                  coding(
                      "http://terminology.hl7.org/CodeSystem/audit-entity-type",
                      "2",
                      "System Object"))
              .add("description", e.objectType().name()));
    }
    if (present(e.correlationId())) {
      // BALP carries the request id as an entity of type "transaction".
      entities.add(
          Json.createObjectBuilder()
              .add("what", identifier(e.correlationId()))
              .add(
                  "type",
                  coding(
                      "https://profiles.ihe.net/ITI/BALP/CodeSystem/BasicAuditEntityType",
                      "XrequestId",
                      "X-Request-Id")));
    }
    if (found.seq() != null) {
      entities.add(
          Json.createObjectBuilder()
              .add("what", identifier("seq:" + found.seq()))
              .add("description", "audit chain position")
              .add(
                  "detail",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("type", "hash")
                              .add("valueString", found.hash()))));
    }
    resource.add("entity", entities);
    return resource.build();
  }

  private static String profile(AuditEvent e, boolean login) {
    if (login) {
      return e.action() == AuditAction.LOGOUT ? "IHE.BasicAudit.Logout" : "IHE.BasicAudit.Login";
    }
    boolean patient = e.patientRef() != null;
    return switch (e.action()) {
      case CREATE -> patient ? "IHE.BasicAudit.PatientCreate" : "IHE.BasicAudit.Create";
      case UPDATE -> patient ? "IHE.BasicAudit.PatientUpdate" : "IHE.BasicAudit.Update";
      case DELETE -> patient ? "IHE.BasicAudit.PatientDelete" : "IHE.BasicAudit.Delete";
      case EXPORT -> "IHE.BasicAudit.Query";
      default -> patient ? "IHE.BasicAudit.PatientRead" : "IHE.BasicAudit.Read";
    };
  }

  private static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

  private static JsonObject restType() {
    return coding(
        "http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation");
  }

  private static JsonObject subtype(AuditEvent e) {
    return switch (e.action()) {
      case LOGIN, LOCKOUT -> coding(DCM, "110122", "Login");
      case LOGOUT -> coding(DCM, "110123", "Logout");
      case CREATE -> coding("http://hl7.org/fhir/restful-interaction", "create", "create");
      case UPDATE -> coding("http://hl7.org/fhir/restful-interaction", "update", "update");
      case DELETE -> coding("http://hl7.org/fhir/restful-interaction", "delete", "delete");
      case EXPORT -> coding("http://hl7.org/fhir/restful-interaction", "search", "search");
      default -> coding("http://hl7.org/fhir/restful-interaction", "read", "read");
    };
  }

  private static JsonObject agent(AuditEvent e) {
    JsonObjectBuilder who = Json.createObjectBuilder();
    if (e.userId() != null) {
      who.add("identifier", Json.createObjectBuilder().add("value", e.userId().toString()));
    }
    if (present(e.username())) {
      who.add("display", e.username());
    }
    boolean system = e.userId() == null && !present(e.username());
    if (system) {
      // R4 requires content in who: an event no person caused (a sealing, a session timing out,
      // a refusal before sign-in) names the application as its agent.
      who.add("display", "DirectorLine (system)");
    }
    JsonObjectBuilder agent =
        Json.createObjectBuilder()
            .add(
                "type",
                Json.createObjectBuilder()
                    .add(
                        "coding",
                        Json.createArrayBuilder()
                            .add(
                                coding(
                                    "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
                                    "IRCP",
                                    "information recipient"))))
            .add("who", who)
            .add("requestor", !system);
    if (present(e.roles())) {
      agent.add(
          "role", Json.createArrayBuilder().add(Json.createObjectBuilder().add("text", e.roles())));
    }
    if (present(e.clientIp())) {
      agent.add(
          "network", Json.createObjectBuilder().add("address", e.clientIp()).add("type", "2"));
    }
    return agent.build();
  }

  /**
   * R4 allows no empty strings (ele-1): a caller who holds no role in the clinic has roles "", and
   * such a value is left out rather than exported empty.
   */
  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static JsonObject identifier(String value) {
    return Json.createObjectBuilder()
        .add("identifier", Json.createObjectBuilder().add("value", value))
        .build();
  }

  private static JsonObject coding(String system, String code, String display) {
    return Json.createObjectBuilder()
        .add("system", system)
        .add("code", code)
        .add("display", display)
        .build();
  }
}
