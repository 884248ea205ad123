package com.directorline.identity.control;

import com.directorline.identity.entity.Clinic;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.TransferLine;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.RequestOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fills an empty database so someone can sign in: the demo clinic ({@code directorline.demo-data},
 * on by default) or, in production with demo data off, one clinic and its admin. Passwords are
 * random and shown once, or all set from {@code DIRECTORLINE_DEMO_PASSWORD} / {@code
 * DIRECTORLINE_ADMIN_PASSWORD} for automated runs.
 */
@ApplicationScoped
public class FirstStart {

  /** Someone to sign in as, with the password to show once (null when it came from config). */
  public record Login(UUID userId, String username, Set<Role> roles, String shownPassword) {

    @Override
    public String toString() {
      return "Login[" + username + "]";
    }
  }

  /**
   * What was created; fired as a CDI event in the seeding transaction so other components can add
   * their part (the demo clinic's escalation policy).
   */
  public record Seeded(String clinicName, UUID clinicId, boolean demo, List<Login> logins) {

    public Optional<UUID> userId(String username) {
      return logins.stream()
          .filter(l -> l.username().equals(username))
          .map(Login::userId)
          .findFirst();
    }
  }

  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject Clock clock;
  @Inject Clinics clinics;
  @Inject Users users;
  @Inject Passwords passwords;
  @Inject SecurityEvents events;
  @Inject Event<Seeded> seededEvent;

  @Inject
  @ConfigProperty(name = "directorline.demo-data", defaultValue = "true")
  boolean demoData;

  @Inject
  @ConfigProperty(name = "DIRECTORLINE_DEMO_PASSWORD")
  Optional<String> demoPassword;

  @Inject
  @ConfigProperty(name = "DIRECTORLINE_ADMIN_PASSWORD")
  Optional<String> adminPassword;

  @Inject
  @ConfigProperty(name = "directorline.bootstrap.clinic-name", defaultValue = "My Clinic")
  String bootstrapClinicName;

  @Transactional
  public boolean isEmpty() {
    return clinics.count() == 0 && users.count() == 0;
  }

  @Transactional
  public Optional<Seeded> seedIfEmpty() {
    if (!isEmpty()) {
      return Optional.empty();
    }
    Seeded seeded;
    if (demoData) {
      seeded =
          seed(
              "Demo Med Spa",
              true,
              demoPassword,
              List.of(
                  new Newcomer("admin", "Avery Admin", null, Role.ADMIN),
                  new Newcomer("injector", "Ivy Injector, RN", "+1 555 0102", Role.INJECTOR),
                  new Newcomer("director", "Dr. Dana Director", "+1 555 0100", Role.DIRECTOR),
                  new Newcomer("director2", "Dr. Sam Second", "+1 555 0101", Role.DIRECTOR),
                  new Newcomer("compliance", "Casey Compliance", null, Role.COMPLIANCE_OFFICER)));
    } else {
      seeded =
          seed(
              bootstrapClinicName,
              false,
              adminPassword,
              List.of(new Newcomer("admin", "Administrator", null, Role.ADMIN)));
    }
    seededEvent.fire(seeded);
    return Optional.of(seeded);
  }

  private record Newcomer(String username, String displayName, String phone, Role role) {}

  private Seeded seed(
      String clinicName, boolean demo, Optional<String> fixedPassword, List<Newcomer> people) {
    Clinic clinic = Clinic.open(clinicName, clock);
    if (demo) {
      // What the phone shows when the patient must go to hospital: lines with numbers to tap.
      clinic.locate("1180 Main Street, Springfield");
      clinic.sendTransfersTo(
          "Demo General Hospital ED, 1200 Main Street (4 minutes)", "+1 555 0199");
      clinic.replaceTransferPlan(
          List.of(
              new TransferLine(
                  0,
                  "Call 911 at once if the patient has visual symptoms, chest pain, trouble"
                      + " breathing or fainting, or if no director has answered",
                  "911"),
              new TransferLine(
                  1,
                  "Tell the paramedics the product, lot, volume, site and time of the injection,"
                      + " and send this timeline with the patient",
                  null)));
    }
    clinics.add(clinic);
    // The system acts (no user): the trail starts with what first start created.
    events.record(
        SecurityEventType.CLINIC_CREATED,
        null,
        null,
        null,
        clinic.id(),
        RequestOrigin.SYSTEM,
        "first start");
    List<Login> logins = new ArrayList<>();
    for (Newcomer person : people) {
      String password =
          fixedPassword.filter(p -> !p.isBlank()).orElseGet(FirstStart::randomPassword);
      User user =
          User.enrol(
              person.username(),
              person.displayName(),
              person.username() + "@demo-med-spa.example",
              person.phone(),
              passwords.hashNew(password, "password"),
              Set.of(person.role()),
              Set.of(clinic.id()),
              clock);
      users.add(user);
      events.record(
          SecurityEventType.USER_CREATED,
          null,
          null,
          user.id(),
          clinic.id(),
          RequestOrigin.SYSTEM,
          "first start");
      logins.add(
          new Login(
              user.id(),
              person.username(),
              Set.of(person.role()),
              fixedPassword.isPresent() ? null : password));
    }
    return new Seeded(clinicName, clinic.id(), demo, logins);
  }

  static String randomPassword() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
