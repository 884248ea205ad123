package com.directorline.clinical.boundary;

import com.directorline.clinical.entity.Protocol;
import com.directorline.emergencies.entity.Complication;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A version of a protocol as the API shows it. */
public record ProtocolView(
    UUID id,
    UUID clinicId,
    Complication complication,
    int version,
    String title,
    List<ProtocolStepView> steps,
    List<ProtocolFollowUpView> followUps,
    boolean example,
    UUID createdBy,
    Instant createdAt) {

  /** A step; {@code repeatSeconds} absent when it is done once. */
  public record ProtocolStepView(int number, String text, Integer repeatSeconds) {}

  /** A follow-up the protocol schedules, so many hours after the end. */
  public record ProtocolFollowUpView(int afterHours, String text) {}

  static ProtocolView of(Protocol p) {
    return new ProtocolView(
        p.id(),
        p.clinicId(),
        p.complication(),
        p.version(),
        p.title(),
        p.steps().stream()
            .map(s -> new ProtocolStepView(s.position() + 1, s.text(), s.repeatSeconds()))
            .toList(),
        p.followUps().stream()
            .map(f -> new ProtocolFollowUpView(f.afterHours(), f.text()))
            .toList(),
        p.isExample(),
        p.createdBy(),
        p.createdAt());
  }
}
