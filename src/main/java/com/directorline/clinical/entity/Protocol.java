package com.directorline.clinical.entity;

import com.directorline.emergencies.entity.Complication;
import com.directorline.platform.entity.NullableUuidConverter;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One version of a clinic's protocol for a complication: a title and ordered steps. Never changed
 * once written; new wording is the next version. An example (demo data) is marked as such until the
 * medical director adopts it as a version of their own.
 */
@Entity
@Table(name = "protocol")
public class Protocol {

  /** Steps a protocol may hold: it is read and ticked during an emergency. */
  public static final int MAX_STEPS = 30;

  @Id private UUID id;

  @Column(name = "clinic_id", nullable = false, updatable = false)
  private UUID clinicId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 32)
  private Complication complication;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(nullable = false, updatable = false, length = 200)
  private String title;

  @Column(nullable = false, updatable = false)
  private boolean example;

  @Column(name = "created_by", updatable = false)
  @Convert(converter = NullableUuidConverter.class)
  private UUID createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "protocol_step", joinColumns = @JoinColumn(name = "protocol_id"))
  private Set<ProtocolStep> steps = new HashSet<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "protocol_follow_up", joinColumns = @JoinColumn(name = "protocol_id"))
  private Set<ProtocolFollowUp> followUps = new HashSet<>();

  /** Follow-ups a protocol may schedule. */
  public static final int MAX_FOLLOW_UPS = 10;

  protected Protocol() {}

  /** The given version without follow-ups; the steps in the order given. */
  public static Protocol version(
      UUID clinicId,
      Complication complication,
      int version,
      String title,
      List<ProtocolStep> steps,
      boolean example,
      UUID author,
      Instant at) {
    return version(clinicId, complication, version, title, steps, List.of(), example, author, at);
  }

  /** The given version; the steps and the follow-ups in the order given. */
  public static Protocol version(
      UUID clinicId,
      Complication complication,
      int version,
      String title,
      List<ProtocolStep> steps,
      List<ProtocolFollowUp> followUps,
      boolean example,
      UUID author,
      Instant at) {
    if (followUps.size() > MAX_FOLLOW_UPS) {
      throw new IllegalArgumentException("a protocol schedules at most 10 follow-ups");
    }
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1");
    }
    if (title == null || title.isBlank()) {
      throw new IllegalArgumentException("a protocol has a title");
    }
    if (steps.isEmpty() || steps.size() > MAX_STEPS) {
      throw new IllegalArgumentException("a protocol has 1 to " + MAX_STEPS + " steps");
    }
    Protocol protocol = new Protocol();
    protocol.id = UUID.randomUUID();
    protocol.clinicId = Objects.requireNonNull(clinicId);
    protocol.complication = Objects.requireNonNull(complication);
    protocol.version = version;
    protocol.title = title.strip();
    protocol.example = example;
    protocol.createdBy = author;
    protocol.createdAt = Objects.requireNonNull(at);
    for (int i = 0; i < steps.size(); i++) {
      ProtocolStep step = steps.get(i);
      protocol.steps.add(new ProtocolStep(i, step.text(), step.repeatSeconds()));
    }
    for (int i = 0; i < followUps.size(); i++) {
      ProtocolFollowUp followUp = followUps.get(i);
      protocol.followUps.add(new ProtocolFollowUp(i, followUp.afterHours(), followUp.text()));
    }
    return protocol;
  }

  public UUID id() {
    return id;
  }

  public UUID clinicId() {
    return clinicId;
  }

  public Complication complication() {
    return complication;
  }

  public int version() {
    return version;
  }

  public String title() {
    return title;
  }

  /** True for an example shipped with demo data, which the medical director has not adopted. */
  public boolean isExample() {
    return example;
  }

  public UUID createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The steps in order. */
  public List<ProtocolStep> steps() {
    List<ProtocolStep> ordered = new ArrayList<>(steps);
    ordered.sort(Comparator.comparingInt(ProtocolStep::position));
    return ordered;
  }

  /** The follow-ups it schedules when an emergency ends, in order. */
  public List<ProtocolFollowUp> followUps() {
    List<ProtocolFollowUp> ordered = new ArrayList<>(followUps);
    ordered.sort(Comparator.comparingInt(ProtocolFollowUp::position));
    return ordered;
  }
}
