package com.directorline.sessions.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.sessions.entity.UserSession;
import io.jsonwebtoken.Jwts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private static final SigningKeys KEYS = SigningKeys.generate();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @Test
  void aTokenCarriesTheSessionAndRolesInTheMicroProfileShape() {
    User user =
        User.enrol(
            "dana",
            "Dr. Dana",
            null,
            null,
            "hash",
            Set.of(Role.DIRECTOR, Role.ADMIN),
            Set.of(UUID.randomUUID()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    UserSession session = UserSession.open(user.id(), NOW, Duration.ofHours(12), null, null);

    String token = new AccessTokens().issue(user, session, KEYS);
    var parsed = Jwts.parser().verifyWith(KEYS.publicKey()).build().parseSignedClaims(token);

    assertThat(parsed.getHeader().getType()).isEqualTo("JWT");
    assertThat(parsed.getHeader().getAlgorithm()).isEqualTo("RS256");
    assertThat(parsed.getHeader().getKeyId()).isEqualTo(KEYS.keyId());
    var claims = parsed.getPayload();
    assertThat(claims.getIssuer()).isEqualTo("directorline");
    assertThat(claims.getSubject()).isEqualTo(user.id().toString());
    assertThat(claims.getId()).isEqualTo(session.id().toString());
    assertThat(claims.get("upn", String.class)).isEqualTo("dana");
    assertThat(claims.get("groups", List.class)).containsExactly("ADMIN", "DIRECTOR");
    assertThat(claims.getExpiration().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(12)));
    assertThat(claims).doesNotContainKeys("email", "phone", "clinicIds");
  }

  @Test
  void aKeyReadBackFromPemIsTheSameKey() {
    SigningKeys generated = SigningKeys.generate();

    SigningKeys reloaded = SigningKeys.fromPem(generated.privateKeyPem());

    assertThat(reloaded.keyId()).isEqualTo(generated.keyId());
    assertThat(reloaded.publicKeyPem()).isEqualTo(generated.publicKeyPem());
  }

  @Test
  void aBrokenKeyIsReportedWithoutQuotingIt() {
    assertThatThrownBy(
            () ->
                SigningKeys.fromPem(
                    "-----BEGIN PRIVATE KEY-----\nU0VDUkVU\n-----END PRIVATE KEY-----"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageNotContaining("U0VDUkVU");
  }
}
