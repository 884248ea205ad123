package com.directorline.readiness.control;

import com.directorline.clinical.control.Protocols;
import com.directorline.clinical.entity.Protocol;
import com.directorline.consent.control.Consents;
import com.directorline.consent.entity.ConsentKind;
import com.directorline.consent.entity.ConsentText;
import com.directorline.emergencies.control.Drills;
import com.directorline.emergencies.entity.Complication;
import com.directorline.escalation.control.EscalationPolicies;
import com.directorline.identity.control.Caller;
import com.directorline.identity.control.Clinics;
import com.directorline.identity.control.Users;
import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.oncall.control.Rosters;
import com.directorline.problems.entity.NotFound;
import com.directorline.readiness.entity.Checklist;
import com.directorline.readiness.entity.Checklist.Entry;
import com.directorline.readiness.entity.Requirement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Checks a clinic against what an emergency needs. Each item says, in the words of the admin page,
 * what is there or what is missing and where to fix it; the times are on the clinic's clock.
 */
@ApplicationScoped
public class Readiness {

  /** How far ahead the roster must be covered: the coverage warnings look as far. */
  static final Duration ROSTER_AHEAD = Duration.ofDays(7);

  /** How recent a drill must be. */
  static final Duration DRILL_WITHIN = Duration.ofDays(90);

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  @Inject Caller caller;
  @Inject Clinics clinics;
  @Inject Users users;
  @Inject Rosters rosters;
  @Inject EscalationPolicies policies;
  @Inject Consents consents;
  @Inject Drills drills;
  @Inject Protocols protocols;
  @Inject Clock clock;

  public Checklist of(UUID clinicId) {
    caller.requireMemberOf(clinicId, "clinic");
    Clinic clinic = clinics.byId(clinicId).orElseThrow(() -> new NotFound("clinic"));
    Instant now = clock.instant();
    return new Checklist(
        List.of(
            director(clinicId),
            roster(clinic, now),
            policy(clinicId),
            transferPlan(clinic),
            consentTexts(clinicId),
            protocols(clinicId),
            drill(clinic, now)));
  }

  private Entry director(UUID clinicId) {
    List<User> directors = users.acting(clinicId, Role.DIRECTOR);
    long ready = directors.stream().filter(u -> !u.passwordPending()).count();
    if (ready > 0) {
      return new Entry(
          Requirement.DIRECTOR,
          true,
          ready == 1 ? "One active director." : ready + " active directors.");
    }
    return new Entry(
        Requirement.DIRECTOR,
        false,
        directors.isEmpty()
            ? "No active director: invite your medical director on the Staff tab."
            : "Your directors have not set their passwords yet: they cannot answer an alert.");
  }

  private Entry roster(Clinic clinic, Instant now) {
    if (rosters.rotation(clinic.id()).isEmpty()) {
      return new Entry(
          Requirement.ROSTER,
          false,
          "No on-call rotation: put your directors on the primary line on the On call tab.");
    }
    List<Rosters.Gap> gaps = rosters.gapsOf(clinic.id(), now, now.plus(ROSTER_AHEAD));
    if (gaps.isEmpty()) {
      return new Entry(Requirement.ROSTER, true, "The roster covers the next 7 days.");
    }
    Rosters.Gap first = gaps.get(0);
    ZoneId zone = clinic.zone();
    return new Entry(
        Requirement.ROSTER,
        false,
        (gaps.size() == 1 ? "One gap" : gaps.size() + " gaps")
            + " in the next 7 days, the first from "
            + WHEN.format(first.from().atZone(zone))
            + " to "
            + WHEN.format(first.to().atZone(zone))
            + ": "
            + first.why()
            + ".");
  }

  private Entry policy(UUID clinicId) {
    return policies
        .inForce(clinicId)
        .map(
            p ->
                new Entry(
                    Requirement.POLICY,
                    true,
                    "Escalation policy version "
                        + p.version()
                        + " with "
                        + (p.plan().steps().size() == 1
                            ? "one step."
                            : p.plan().steps().size() + " steps.")))
        .orElse(
            new Entry(
                Requirement.POLICY,
                false,
                "No escalation policy: say whom to alert first on the Escalation tab."));
  }

  private Entry transferPlan(Clinic clinic) {
    boolean lineWithPhone = clinic.transferPlan().stream().anyMatch(l -> l.phone() != null);
    if (lineWithPhone || clinic.nearestEdPhone() != null) {
      return new Entry(
          Requirement.TRANSFER_PLAN,
          true,
          clinic.transferPlan().isEmpty()
              ? "The nearest emergency department and its phone."
              : "A transfer plan of "
                  + clinic.transferPlan().size()
                  + (clinic.transferPlan().size() == 1 ? " line" : " lines")
                  + " with a number to call.");
    }
    return new Entry(
        Requirement.TRANSFER_PLAN,
        false,
        "No transfer plan with a phone number: add the nearest emergency department and the"
            + " steps of a transfer on the Clinic tab.");
  }

  private Entry consentTexts(UUID clinicId) {
    Set<ConsentKind> missing = EnumSet.allOf(ConsentKind.class);
    consents.texts(clinicId).stream().map(ConsentText::kind).forEach(missing::remove);
    if (missing.isEmpty()) {
      return new Entry(
          Requirement.CONSENT_TEXTS, true, "Consent texts for the video consult and for photos.");
    }
    List<String> names = new ArrayList<>();
    missing.forEach(kind -> names.add(describe(kind)));
    return new Entry(
        Requirement.CONSENT_TEXTS,
        false,
        "No consent text for " + String.join(" or ", names) + ": add it on the Consent texts tab.");
  }

  private Entry protocols(UUID clinicId) {
    List<Protocol> current = protocols.current(clinicId);
    Set<Complication> missing = EnumSet.allOf(Complication.class);
    current.forEach(p -> missing.remove(p.complication()));
    if (!missing.isEmpty()) {
      List<String> names = new ArrayList<>();
      missing.forEach(c -> names.add(describe(c)));
      return new Entry(
          Requirement.PROTOCOLS,
          false,
          "No protocol for "
              + String.join(", ", names)
              + ": the medical director writes one for each complication.");
    }
    long examples = current.stream().filter(Protocol::isExample).count();
    return new Entry(
        Requirement.PROTOCOLS,
        true,
        examples == 0
            ? "A protocol for each complication."
            : "A protocol for each complication; "
                + (examples == 1 ? "one is an example" : examples + " are examples")
                + " your medical director has still to review and adopt.");
  }

  private static String describe(Complication complication) {
    return switch (complication) {
      case VASCULAR_OCCLUSION -> "vascular occlusion";
      case ANAPHYLAXIS -> "anaphylaxis";
      case ALLERGIC_REACTION -> "allergic reaction";
      case BURN -> "burn";
      case VASOVAGAL -> "fainting";
      case INFECTION -> "infection";
      case OTHER -> "other emergencies";
    };
  }

  private static String describe(ConsentKind kind) {
    return switch (kind) {
      case TELEHEALTH_CONSULT -> "the video consult";
      case PHOTO_CAPTURE_AND_SHARING -> "photos";
    };
  }

  private Entry drill(Clinic clinic, Instant now) {
    return drills
        .lastLaunched(clinic.id())
        .filter(at -> at.isAfter(now.minus(DRILL_WITHIN)))
        .map(
            at ->
                new Entry(
                    Requirement.DRILL,
                    true,
                    "Last drill on " + DAY.format(at.atZone(clinic.zone())) + "."))
        .orElse(
            new Entry(
                Requirement.DRILL,
                false,
                "No drill in the last 90 days: an injector launches one from the emergency page"
                    + " (\"This is a drill\") and the director on call answers it."));
  }
}
