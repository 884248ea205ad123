package com.directorline.sessions.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ApiServer.class)
class SignInIT {

  @Test
  void signInAnswersTokenUserAndHardenedCookie(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("DIRECTOR");

    Reply reply = api.login(username, Api.Clinic.PASSWORD);

    assertThat(reply.status()).isEqualTo(200);
    var body = reply.json();
    assertThat(body.getString("accessToken")).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    assertThat(body.getString("expiresAt")).endsWith("Z");
    assertThat(body.getJsonObject("user").getString("username")).isEqualTo(username);
    assertThat(body.getJsonObject("user").getJsonArray("roles").getString(0)).isEqualTo("DIRECTOR");
    assertThat(body.getJsonObject("user").getJsonArray("clinicIds").getString(0))
        .isEqualTo(clinic.id());
    assertThat(reply.body()).doesNotContain(Api.Clinic.PASSWORD).doesNotContainIgnoringCase("hash");
    String cookie = reply.header("Set-Cookie");
    assertThat(cookie)
        .startsWith("directorline_session=" + body.getString("accessToken") + ";")
        .contains("HttpOnly", "SameSite=Strict", "Path=/")
        .doesNotContain("Secure", "Version");
  }

  @Test
  void theCookieAloneAuthenticatesLikeTheBearerToken(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");
    String token = clinic.signIn(username);

    Reply me =
        api.send(
            "GET", "/api/me", null, null, null, Map.of("Cookie", "directorline_session=" + token));

    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("username")).isEqualTo(username);
  }

  /**
   * The server's own check of a token, with a live session behind it: only what the server signed,
   * unaltered, is honoured; the same claims signed by anyone else, altered, unsigned or signed with
   * HMAC are refused, by bearer header and by cookie.
   */
  @Test
  void onlyTokensTheServerSignedAndNobodyAlteredAreHonoured(Api api) throws Exception {
    Api.Clinic clinic = api.newClinic();
    String token = clinic.signIn(clinic.enrol("INJECTOR"));
    assertThat(api.get("/api/me", token).status()).as("the genuine token").isEqualTo(200);
    SignedJWT genuine = SignedJWT.parse(token);
    String kid = genuine.getHeader().getKeyID();
    JWTClaimsSet claims = genuine.getJWTClaimsSet();

    RSAKey stranger = new RSAKeyGenerator(2048).keyID(kid).generate();
    SignedJWT otherKey = new SignedJWT(header(JWSAlgorithm.RS256, kid), claims);
    otherKey.sign(new RSASSASigner(stranger));

    JWTClaimsSet moreRights =
        new JWTClaimsSet.Builder(claims).claim("groups", List.of("INJECTOR", "ADMIN")).build();
    String[] parts = token.split("\\.");
    String altered =
        parts[0]
            + "."
            + Base64URL.encode(moreRights.toString().getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    String unsigned = new PlainJWT(claims).serialize();

    SignedJWT hmac = new SignedJWT(header(JWSAlgorithm.HS256, kid), claims);
    hmac.sign(new MACSigner(new byte[32]));

    Map<String, String> forgeries =
        Map.of(
            "signed by another key",
            otherKey.serialize(),
            "claims altered",
            altered,
            "unsigned (alg none)",
            unsigned,
            "HMAC-signed",
            hmac.serialize());
    forgeries.forEach(
        (what, forged) -> {
          assertThat(api.get("/api/me", forged).status()).as(what + ", as bearer").isEqualTo(401);
          assertThat(
                  api.send(
                          "GET",
                          "/api/me",
                          null,
                          null,
                          null,
                          Map.of("Cookie", "directorline_session=" + forged))
                      .status())
              .as(what + ", as cookie")
              .isEqualTo(401);
        });
    assertThat(api.get("/api/me", token).status()).as("the genuine token still").isEqualTo(200);
  }

  private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
    return new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(kid).build();
  }

  @Test
  void aForgedCookieLeavesTheCallerSignedOutButSignInStillWorks(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");
    Map<String, String> forged = Map.of("Cookie", "directorline_session=eyJhbGciOiJub25lIn0.e30.");

    Reply me = api.send("GET", "/api/me", null, null, null, forged);
    Reply login =
        api.send(
            "POST",
            "/api/auth/login",
            null,
            "application/json",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", Api.Clinic.PASSWORD)
                .build()
                .toString(),
            forged);

    assertThat(me.status()).isEqualTo(401);
    assertThat(me.contentType()).startsWith("application/problem+json");
    assertThat(login.status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordAndUnknownUserAnswerTheSame401(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");

    Reply wrongPassword = api.login(username, "not the password at all");
    Reply unknownUser =
        api.login("nobody-" + UUID.randomUUID().toString().substring(0, 8), "whatever-password");

    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(unknownUser.status()).isEqualTo(401);
    assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
    assertThat(wrongPassword.json().getString("detail"))
        .isEqualTo(unknownUser.json().getString("detail"));
    assertThat(wrongPassword.body()).doesNotContain("not the password at all");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");

    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(api.login(username, "wrong password " + attempt).status()).isEqualTo(401);
    }
    Reply locked = api.login(username, Api.Clinic.PASSWORD);

    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.contentType()).startsWith("application/problem+json");
    assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(800L, 901L);
    assertThat(locked.json().getString("type"))
        .isEqualTo("urn:directorline:problem:account-locked");
  }

  @Test
  void unknownUsernamesLockToo(Api api) {
    String nobody = "ghost-" + UUID.randomUUID().toString().substring(0, 8);
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(api.login(nobody, "wrong password " + attempt).status()).isEqualTo(401);
    }
    assertThat(api.login(nobody, "wrong password 6").status()).isEqualTo(429);
  }

  @Test
  void logoutEndsTheTokenAndClearsTheCookie(Api api) {
    Api.Clinic clinic = api.newClinic();
    String token = clinic.signIn(clinic.enrol("DIRECTOR"));

    Reply logout = api.post("/api/auth/logout", token, null);
    Reply after = api.get("/api/me", token);

    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie"))
        .startsWith("directorline_session=;")
        .contains("Max-Age=0");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().getString("type")).isEqualTo("urn:directorline:problem:session-ended");
    assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void anIdleTokenExpires(Api api) {
    Api.Clinic clinic = api.newClinic();
    String token = clinic.signIn(clinic.enrol("COMPLIANCE_OFFICER"));
    assertThat(api.get("/api/me", token).status()).isEqualTo(200);
    long signedInAt = System.nanoTime();

    // Poll no faster than the idle timeout, or the polling itself would keep the session alive.
    Awaitility.await()
        .pollDelay(Duration.ofSeconds(ApiServer.IDLE_TIMEOUT_SECONDS))
        .pollInterval(Duration.ofSeconds(ApiServer.IDLE_TIMEOUT_SECONDS + 1))
        .atMost(Duration.ofSeconds(ApiServer.IDLE_TIMEOUT_SECONDS * 4))
        .until(() -> api.get("/api/me", token).status() == 401);

    assertThat(Duration.ofNanos(System.nanoTime() - signedInAt))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(ApiServer.IDLE_TIMEOUT_SECONDS));
    assertThat(api.get("/api/me", token).json().getString("type"))
        .isEqualTo("urn:directorline:problem:session-ended");
  }

  @Test
  void deactivationEndsSessionsAndRefusesSignIn(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");
    String token = clinic.signIn(username);

    Reply deactivated =
        api.patch(
            "/api/users/" + clinic.userId(username),
            clinic.demoAdminToken(),
            Json.createObjectBuilder().add("active", false).build());

    assertThat(deactivated.status()).isEqualTo(200);
    assertThat(deactivated.json().getBoolean("active")).isFalse();
    assertThat(api.get("/api/me", token).status()).isEqualTo(401);
    assertThat(api.login(username, Api.Clinic.PASSWORD).status()).isEqualTo(401);
  }

  @Test
  void aRoleChangeTakesEffectAtOnce(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("ADMIN");
    String token = clinic.signIn(username);
    assertThat(api.get("/api/clinics", token).status()).isEqualTo(200);

    api.patch(
        "/api/users/" + clinic.userId(username),
        clinic.demoAdminToken(),
        Json.createObjectBuilder().add("roles", Json.createArrayBuilder().add("INJECTOR")).build());

    assertThat(api.get("/api/clinics", token).status()).isEqualTo(401);
    String fresh = clinic.signIn(username);
    assertThat(api.get("/api/clinics", fresh).status()).isEqualTo(403);
    assertThat(api.get("/api/me", fresh).json().getJsonArray("roles").getString(0))
        .isEqualTo("INJECTOR");
  }
}
