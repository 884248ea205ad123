package com.directorline.video.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.video.entity.VideoGrant;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JitsiTokensTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  private static final String SECRET = "a-jitsi-app-secret-of-at-least-32-bytes!";
  private static final String ROOM = "dl0123456789abcdef0123456789abcdef";

  private static JitsiTokens tokens(
      String mode, Optional<String> secret, Optional<String> keyFile) {
    JitsiTokens tokens = new JitsiTokens();
    tokens.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    tokens.domain = "meet.example.org";
    tokens.mode = mode;
    tokens.appId = "directorline";
    tokens.audience = "jitsi";
    tokens.subject = "meet.jitsi";
    tokens.maxTokenSeconds = 7200;
    tokens.appSecret = secret;
    tokens.privateKeyFile = keyFile;
    tokens.keyId = keyFile.map(f -> "directorline-key-1");
    tokens.loadKeys();
    return tokens;
  }

  private static final JitsiTokens.Participant DIRECTOR =
      new JitsiTokens.Participant("d-1", "Dr. Dana Director", "dana@example.org", true);

  @Test
  void hs256TokensFollowProsodysRules() throws Exception {
    VideoGrant grant =
        tokens("self-hosted", Optional.of(SECRET), Optional.empty()).grant(ROOM, DIRECTOR);
    SignedJWT jwt = SignedJWT.parse(grant.jwt());

    assertThat(jwt.verify(new MACVerifier(SECRET.getBytes()))).isTrue();
    assertThat(jwt.getHeader().getType().toString()).isEqualTo("JWT");
    var payload = jwt.getPayload().toJSONObject();
    assertThat(payload.get("aud")).isEqualTo("jitsi");
    assertThat(payload.get("iss")).isEqualTo("directorline");
    assertThat(payload.get("sub")).isEqualTo("meet.jitsi");
    assertThat(payload.get("room")).isEqualTo(ROOM);
    assertThat(payload.get("nbf")).isEqualTo(NOW.getEpochSecond() - 30);
    assertThat(payload.get("exp")).isEqualTo(NOW.getEpochSecond() + 7200);
    assertThat(grant.room()).isEqualTo(ROOM);
    assertThat(grant.expiresAt()).isEqualTo(NOW.plusSeconds(7200));
    @SuppressWarnings("unchecked")
    Map<String, Object> user =
        (Map<String, Object>) ((Map<String, Object>) payload.get("context")).get("user");
    assertThat(user).containsEntry("moderator", "true").containsEntry("name", "Dr. Dana Director");
  }

  @Test
  void rs256TokensCarryTheKeyIdAndVerifyWithThePublicKey(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Path pem = dir.resolve("jitsi.pem");
    Files.writeString(
        pem,
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");

    VideoGrant grant =
        tokens("self-hosted", Optional.empty(), Optional.of(pem.toString())).grant(ROOM, DIRECTOR);
    SignedJWT jwt = SignedJWT.parse(grant.jwt());

    assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
    assertThat(jwt.getHeader().getKeyID()).isEqualTo("directorline-key-1");
    assertThat(jwt.verify(new RSASSAVerifier((RSAPublicKey) pair.getPublic()))).isTrue();
  }

  @Test
  void jaasModeUsesItsFixedClaimsAndPrefixedRooms() throws Exception {
    VideoGrant grant = tokens("jaas", Optional.of(SECRET), Optional.empty()).grant(ROOM, DIRECTOR);
    var payload = SignedJWT.parse(grant.jwt()).getPayload().toJSONObject();

    assertThat(payload.get("iss")).isEqualTo("chat");
    assertThat(payload.get("aud")).isEqualTo("jitsi");
    assertThat(payload.get("sub")).isEqualTo("directorline");
    assertThat(grant.room()).isEqualTo("directorline/" + ROOM);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> tokens("self-hosted", Optional.of("too-short"), Optional.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 bytes")
        .hasMessageNotContaining("too-short");
  }
}
