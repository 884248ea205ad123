package com.directorline.identity.control;

import com.directorline.problems.entity.InvalidInput;
import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password policy and hashing with Jakarta Security's PBKDF2 (HMAC-SHA512, OWASP's 210,000
 * iterations by default). The stored form names algorithm, iterations and salt, so raising the
 * iteration count later keeps old hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

  public static final int MIN_LENGTH = 12;
  public static final int MAX_LENGTH = 128;

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "directorline.password.pbkdf2-iterations", defaultValue = "210000")
  int iterations;

  /** A hash of a random password, so that unknown usernames cost as much time as known ones. */
  private String decoy;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
    decoy = hash.generate(UUID.randomUUID().toString().toCharArray());
  }

  /**
   * Hashes a new password after checking the policy; violations name {@code field}. The person's
   * username and name count as guessable.
   */
  public String hashNew(String password, String field, String... personal) {
    requirePolicy(password, field, personal);
    return hash.generate(password.toCharArray());
  }

  /**
   * At least {@link #MIN_LENGTH} characters, not built from the username or name, and not guessable
   * by zxcvbn's measure (common passwords, dictionary words with substitutions, keyboard walks,
   * repeats, dates: score 3 of 4 at least), rather than rules of our own making.
   */
  public static void requirePolicy(String password, String field, String... personal) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw InvalidInput.of(field, "must be at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw InvalidInput.of(field, "must be at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      throw InvalidInput.of(field, "must not be only spaces");
    }
    String plain = lettersAndDigits(password);
    for (String word : personal) {
      String own = word == null ? "" : lettersAndDigits(word);
      if (own.length() >= 3 && plain.contains(own)) {
        throw InvalidInput.of(field, "must not be built from the username or name");
      }
    }
    List<String> guessable = new ArrayList<>(List.of("directorline", "medspa", "clinic"));
    for (String word : personal) {
      if (word != null) {
        guessable.add(word);
      }
    }
    if (STRENGTH.measure(password, guessable).getScore() < MIN_SCORE) {
      throw InvalidInput.of(
          field, "is too easy to guess; use a few unrelated words or a password manager");
    }
  }

  /** zxcvbn's score: 3 is "safely unguessable", about 10^8 guesses or more. */
  static final int MIN_SCORE = 3;

  private static final Zxcvbn STRENGTH = new Zxcvbn();

  private static String lettersAndDigits(String text) {
    StringBuilder kept = new StringBuilder();
    text.toLowerCase(Locale.ROOT)
        .codePoints()
        .filter(Character::isLetterOrDigit)
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }

  /**
   * The hash of a random secret nobody keeps: the password of an account whose person has yet to
   * choose one. Sign-in checks it like any other, so such an account costs the same time to try.
   */
  public String unusable() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return hash.generate(Base64.getEncoder().encodeToString(secret).toCharArray());
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  public boolean matches(String password, String storedHash) {
    if (password == null || password.length() > MAX_LENGTH) {
      hash.verify("-".toCharArray(), decoy);
      return false;
    }
    return hash.verify(password.toCharArray(), storedHash);
  }

  /** Spends the time a real check would, for a username that does not exist. */
  public void burnDecoyCheck(String password) {
    hash.verify(password == null ? new char[0] : password.toCharArray(), decoy);
  }
}
