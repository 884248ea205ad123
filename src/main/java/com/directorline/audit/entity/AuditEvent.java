package com.directorline.audit.entity;

import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One access to patient data or one security event: who, from where, what, about which patient,
 * with which outcome and why. Written once in the transaction of the action it records and never
 * changed (the database refuses updates); its place in the hash chain is assigned afterwards by the
 * sealer.
 *
 * <p>Ids come from a database sequence with one value per call, so they grow with the time they
 * were taken across all instances; the sealer relies on that to know when an id can no longer
 * appear.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 1)
  private Long id;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(name = "user_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID userId;

  @Column(updatable = false, length = 64)
  private String username;

  @Column(updatable = false, length = 100)
  private String roles;

  @Column(name = "clinic_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID clinicId;

  @Column(name = "client_ip", updatable = false, length = 64)
  private String clientIp;

  @Column(name = "user_agent", updatable = false, length = 512)
  private String userAgent;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 16)
  private AuditAction action;

  @Enumerated(EnumType.STRING)
  @Column(name = "object_type", nullable = false, updatable = false, length = 32)
  private ObjectType objectType;

  @Column(name = "object_id", updatable = false, length = 64)
  private String objectId;

  @Column(name = "patient_ref", updatable = false, length = 64)
  private String patientRef;

  @Column(name = "emergency_id", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID emergencyId;

  @Column(updatable = false)
  private Boolean participant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 8)
  private AuditOutcome outcome;

  @Column(updatable = false, length = 300)
  private String reason;

  @Column(updatable = false, length = 200)
  private String detail;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false, length = 16)
  private Purpose purpose;

  @Column(updatable = false, length = 500)
  private String justification;

  @Column(name = "correlation_id", updatable = false, length = 64)
  private String correlationId;

  protected AuditEvent() {}

  private AuditEvent(Draft d, Instant at) {
    this.occurredAt = Objects.requireNonNull(at);
    this.userId = d.userId;
    this.username = cut(d.username, 64);
    this.roles = cut(d.roles, 100);
    this.clinicId = d.clinicId;
    this.clientIp = cut(d.clientIp, 64);
    this.userAgent = cut(d.userAgent, 512);
    this.action = Objects.requireNonNull(d.action);
    this.objectType = Objects.requireNonNull(d.objectType);
    this.objectId = cut(d.objectId, 64);
    this.patientRef = d.patientRef;
    this.emergencyId = d.emergencyId;
    this.participant = d.participant;
    this.outcome = d.outcome;
    this.reason = cut(d.reason, 300);
    this.detail = cut(d.detail, 200);
    this.purpose = d.purpose;
    this.justification = cut(d.justification, 500);
    this.correlationId = cut(d.correlationId, 64);
    if (purpose == Purpose.BREAK_GLASS && (justification == null || justification.isBlank())) {
      throw new IllegalArgumentException("break-glass access needs its justification");
    }
  }

  /** Starts an event about an action on an object; the rest is added fluently. */
  public static Draft of(AuditAction action, ObjectType objectType, Object objectId) {
    return new Draft(action, objectType, objectId == null ? null : objectId.toString());
  }

  private static String cut(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }

  /** What a component knows about an access; the audit trail adds who, where and when. */
  public static final class Draft {
    private final AuditAction action;
    private final ObjectType objectType;
    private final String objectId;
    private UUID userId;
    private String username;
    private String roles;
    private UUID clinicId;
    private String clientIp;
    private String userAgent;
    private String patientRef;
    private UUID emergencyId;
    private Boolean participant;
    private AuditOutcome outcome = AuditOutcome.SUCCESS;
    private String reason;
    private String detail;
    private Purpose purpose;
    private String justification;
    private String correlationId;

    private Draft(AuditAction action, ObjectType objectType, String objectId) {
      this.action = Objects.requireNonNull(action);
      this.objectType = Objects.requireNonNull(objectType);
      this.objectId = objectId;
    }

    public Draft patient(String ref) {
      this.patientRef = ref;
      return this;
    }

    public Draft emergency(UUID id, Boolean accessorTookPart) {
      this.emergencyId = id;
      this.participant = accessorTookPart;
      return this;
    }

    public Draft clinic(UUID id) {
      this.clinicId = id;
      return this;
    }

    public Draft purpose(Purpose why) {
      this.purpose = why;
      return this;
    }

    public Draft breakGlass(String why) {
      this.purpose = Purpose.BREAK_GLASS;
      this.justification = why;
      return this;
    }

    public Draft detail(String text) {
      this.detail = text;
      return this;
    }

    public Draft denied(String why) {
      this.outcome = AuditOutcome.DENIED;
      this.reason = why;
      return this;
    }

    public Draft failed(String why) {
      this.outcome = AuditOutcome.ERROR;
      this.reason = why;
      return this;
    }

    /** Who acted; the trail fills it from the signed-in caller when a component does not. */
    public Draft by(UUID user, String name, String roleNames) {
      this.userId = user;
      this.username = name;
      this.roles = roleNames;
      return this;
    }

    public Draft from(String ip, String agent, String correlation) {
      this.clientIp = ip;
      this.userAgent = agent;
      this.correlationId = correlation;
      return this;
    }

    public boolean hasActor() {
      return userId != null || username != null;
    }

    public boolean hasOrigin() {
      return clientIp != null || correlationId != null;
    }

    public boolean hasClinic() {
      return clinicId != null;
    }

    public AuditEvent at(Instant when) {
      return new AuditEvent(this, when);
    }
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public UUID userId() {
    return userId;
  }

  public String username() {
    return username;
  }

  public String roles() {
    return roles;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public String clientIp() {
    return clientIp;
  }

  public String userAgent() {
    return userAgent;
  }

  public AuditAction action() {
    return action;
  }

  public ObjectType objectType() {
    return objectType;
  }

  public String objectId() {
    return objectId;
  }

  public String patientRef() {
    return patientRef;
  }

  public UUID emergencyId() {
    return emergencyId;
  }

  public Boolean participant() {
    return participant;
  }

  public AuditOutcome outcome() {
    return outcome;
  }

  public String reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  public Purpose purpose() {
    return purpose;
  }

  public String justification() {
    return justification;
  }

  public String correlationId() {
    return correlationId;
  }
}
