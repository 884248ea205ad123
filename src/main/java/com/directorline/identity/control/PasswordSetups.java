package com.directorline.identity.control;

import com.directorline.identity.entity.RightsChanged;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.Sha256;
import com.directorline.problems.entity.Gone;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One-time links with which a person chooses their own password: when an admin invites them, and
 * when an admin resets a forgotten password. Nobody but the person ever knows the password; the
 * admin hands over a link that works once and for a limited time. The link carries a 256-bit secret
 * in the URL's fragment (browsers do not send it to servers or in the Referer); the database keeps
 * only its SHA-256, so neither a database copy nor a log makes a working link.
 */
@ApplicationScoped
public class PasswordSetups {

  /** The page the link opens; the secret follows the {@code #}. */
  public static final String PAGE = "/setup.html#";

  private static final SecureRandom RANDOM = new SecureRandom();

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject Passwords passwords;
  @Inject SecurityEvents events;
  @Inject Caller caller;
  @Inject Event<RightsChanged> rightsChanged;

  @Inject
  @ConfigProperty(name = "directorline.identity.setup-link-hours", defaultValue = "72")
  int validHours;

  /** A link as the admin receives it, once. */
  public record SetupLink(String token, Instant expiresAt) {
    public String path() {
      return PAGE + token;
    }

    @Override
    public String toString() {
      return "SetupLink[expiresAt=" + expiresAt + "]";
    }
  }

  /**
   * A new link for the person, replacing any older one; their password stops working now. Runs in
   * the caller's transaction, which records who issued it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public SetupLink issue(User user) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    Instant expiresAt = clock.instant().plus(Duration.ofHours(validHours));
    user.awaitPasswordSetup(passwords.unusable(), Sha256.hex(token), expiresAt, clock);
    return new SetupLink(token, expiresAt);
  }

  /** Whose link this is, while it still works; 410 otherwise (used, replaced, expired, unknown). */
  public User pending(String token) {
    return find(token, LockModeType.NONE).orElseThrow(PasswordSetups::invalid);
  }

  /**
   * The person's own password, chosen through their link (the same policy as every password); the
   * link is spent, and every session the person still had ends: a reset is often made because
   * someone else may be signed in as them. Recorded in the trail as the person's own act, under
   * each of their clinics.
   */
  @Transactional
  public User complete(String token, String password) {
    User user = find(token, LockModeType.PESSIMISTIC_WRITE).orElseThrow(PasswordSetups::invalid);
    user.changePassword(
        passwords.hashNew(password, "password", user.username(), user.displayName()), clock);
    for (var clinic : user.clinicIds()) {
      events.record(
          SecurityEventType.PASSWORD_SET,
          user.id(),
          user.username(),
          user.id(),
          clinic,
          caller.origin(),
          "through a one-time link");
    }
    rightsChanged.fire(new RightsChanged(user.id()));
    return user;
  }

  private Optional<User> find(String token, LockModeType lock) {
    if (token == null || token.length() != 43) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String hash = Sha256.hex(token);
    return em.createQuery("select u from User u where u.setupTokenSha256 = :hash", User.class)
        .setParameter("hash", hash)
        .setLockMode(lock)
        .getResultStream()
        .findFirst()
        .filter(u -> u.acceptsSetup(hash, now));
  }

  private static Gone invalid() {
    return new Gone(
        "setup-link-invalid",
        "This link has been used, replaced or has expired. Ask your clinic's administrator for a"
            + " new one.");
  }
}
