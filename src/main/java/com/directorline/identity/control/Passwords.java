package com.directorline.identity.control;

import com.directorline.problems.entity.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
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

  /** Hashes a new password after checking the policy; violations name {@code field}. */
  public String hashNew(String password, String field) {
    requirePolicy(password, field);
    return hash.generate(password.toCharArray());
  }

  public static void requirePolicy(String password, String field) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw InvalidInput.of(field, "must be at least " + MIN_LENGTH + " characters");
    }
    if (password.length() > MAX_LENGTH) {
      throw InvalidInput.of(field, "must be at most " + MAX_LENGTH + " characters");
    }
    if (password.isBlank()) {
      throw InvalidInput.of(field, "must not be only spaces");
    }
  }

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
