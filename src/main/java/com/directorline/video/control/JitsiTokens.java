package com.directorline.video.control;

import com.directorline.platform.control.KeyFiles;
import com.directorline.platform.control.PemKeys;
import com.directorline.video.entity.VideoGrant;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Jitsi JWTs as prosody's token authentication checks them: header {@code typ} JWT; {@code iss} the
 * app id; {@code aud} one string; {@code sub} the tenant or XMPP domain; {@code room} the
 * lower-case room; numeric {@code nbf} 30 s in the past and {@code exp} at most {@code
 * directorline.jitsi.max-token-seconds} ahead; {@code context.user} of strings with {@code
 * moderator} "true" only for the director; {@code context.features} all "false". HS256 with the app
 * secret (at least 32 bytes), or RS256 with a private key and {@code kid}. JaaS mode uses its fixed
 * {@code iss "chat"}, {@code aud "jitsi"}, {@code sub} = app id and rooms "appId/room". Tokens
 * carry no patient data and are never logged.
 */
@ApplicationScoped
public class JitsiTokens {

  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.domain", defaultValue = "localhost:8443")
  String domain;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.mode", defaultValue = "self-hosted")
  String mode;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.app-id", defaultValue = "directorline")
  String appId;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.audience", defaultValue = "jitsi")
  String audience;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.subject", defaultValue = "meet.jitsi")
  String subject;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.max-token-seconds", defaultValue = "7200")
  long maxTokenSeconds;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.app-secret")
  Optional<String> appSecret;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.private-key-file")
  Optional<String> privateKeyFile;

  @Inject
  @ConfigProperty(name = "directorline.jitsi.key-id")
  Optional<String> keyId;

  private SecretKey hmacKey;
  private PrivateKey rsaKey;

  /** A participant of the call. */
  public record Participant(String id, String name, String email, boolean moderator) {}

  @PostConstruct
  void loadKeys() {
    if (privateKeyFile.isPresent()) {
      rsaKey = readPrivateKey(Path.of(privateKeyFile.get()));
      if (keyId.isEmpty()) {
        throw new IllegalStateException("directorline.jitsi.key-id is required with an RS256 key");
      }
      return;
    }
    byte[] secret =
        KeyFiles.load(
                appSecret,
                Optional.empty(),
                "jitsi-app-secret",
                JitsiTokens::randomSecret,
                "Jitsi app secret",
                "set directorline.jitsi.app-secret to your Jitsi server's JWT_APP_SECRET")
            .strip()
            .getBytes(StandardCharsets.UTF_8);
    if (secret.length < 32) {
      throw new IllegalStateException("directorline.jitsi.app-secret must be at least 32 bytes");
    }
    hmacKey = Keys.hmacShaKeyFor(secret);
  }

  public VideoGrant grant(String room, Participant participant) {
    boolean jaas = "jaas".equalsIgnoreCase(mode);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(Duration.ofSeconds(maxTokenSeconds));
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("id", participant.id());
    user.put("name", participant.name());
    user.put("email", participant.email() == null ? "" : participant.email());
    user.put("moderator", participant.moderator() ? "true" : "false");
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("recording", "false");
    features.put("livestreaming", "false");
    features.put("transcription", "false");
    features.put("outbound-call", "false");
    JwtBuilder token =
        Jwts.builder()
            .header()
            .type("JWT")
            .and()
            .issuer(jaas ? "chat" : appId)
            .audience()
            .single(jaas ? "jitsi" : audience)
            .subject(jaas ? appId : subject)
            .claim("room", room)
            .notBefore(Date.from(now.minusSeconds(30)))
            .issuedAt(Date.from(now))
            .expiration(Date.from(expiresAt))
            .claim("context", Map.of("user", user, "features", features));
    if (rsaKey != null) {
      token.header().keyId(keyId.get()).and().signWith(rsaKey, Jwts.SIG.RS256);
    } else {
      token.signWith(hmacKey, Jwts.SIG.HS256);
    }
    return new VideoGrant(
        domain,
        jaas ? appId + "/" + room : room,
        token.compact(),
        Instant.ofEpochSecond(expiresAt.getEpochSecond()));
  }

  /** 48 random bytes, URL-safe Base64: a development server's secret, generated once. */
  private static String randomSecret() {
    byte[] random = new byte[48];
    new SecureRandom().nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static PrivateKey readPrivateKey(Path file) {
    try {
      return PemKeys.rsaPrivateKey(Files.readString(file), "directorline.jitsi.private-key-file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read directorline.jitsi.private-key-file", e);
    }
  }
}
