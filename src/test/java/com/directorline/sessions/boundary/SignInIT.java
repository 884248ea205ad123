package com.directorline.sessions.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.SseStream;
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
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
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

  /** Behind a TLS proxy the test server trusts (127.0.0.1): the cookie is Secure, HSTS is sent. */
  @Test
  void behindATrustedTlsProxyTheCookieIsSecureAndHstsIsSent(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");

    Reply viaTls = api.login(username, Api.Clinic.PASSWORD, Map.of("X-Forwarded-Proto", "https"));
    Reply plain = api.login(username, Api.Clinic.PASSWORD, Map.of());

    assertThat(viaTls.status()).isEqualTo(200);
    assertThat(viaTls.header("Set-Cookie")).contains("; Secure");
    assertThat(viaTls.header("Strict-Transport-Security")).isEqualTo("max-age=31536000");
    assertThat(plain.header("Set-Cookie")).doesNotContain("Secure");
    assertThat(plain.header("Strict-Transport-Security")).isNull();
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
    Reply login = api.login(username, Api.Clinic.PASSWORD, forged);

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

  /**
   * A guesser locks only themselves: the director signs in from elsewhere, and an admin of every
   * clinic of theirs lifts the lock at once (so does a new password an admin sets).
   */
  @Test
  void aLockHoldsOnlyForTheGuessersAddressAndAnAdminLiftsIt(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("DIRECTOR");
    String userId = clinic.userId(username);
    Map<String, String> guesser = Map.of("X-Forwarded-For", "10.9.9.9, 203.0.113.66");
    Map<String, String> phone = Map.of("X-Forwarded-For", "198.51.100.7");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(api.login(username, "wrong password " + attempt, guesser).status()).isEqualTo(401);
    }
    Reply locked = api.login(username, Api.Clinic.PASSWORD, guesser);
    assertThat(locked.status()).isEqualTo(429);
    assertThat(locked.json().getString("detail")).contains("ask your clinic admin to unlock");
    // The client-chosen first entry of X-Forwarded-For does not count: the proxy's last one does.
    assertThat(
            api.login(
                    username,
                    Api.Clinic.PASSWORD,
                    Map.of("X-Forwarded-For", "1.1.1.1, 203.0.113.66"))
                .status())
        .isEqualTo(429);

    assertThat(api.login(username, Api.Clinic.PASSWORD, phone).status())
        .as("the director's own phone, elsewhere")
        .isEqualTo(200);

    String colleague = clinic.signIn(clinic.enrol("DIRECTOR"));
    assertThat(api.post("/api/users/" + userId + "/unlock", colleague, null).status())
        .as("only admins unlock")
        .isEqualTo(403);
    Reply unlocked = api.post("/api/users/" + userId + "/unlock", clinic.demoAdminToken(), null);
    assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
    assertThat(unlocked.json().getBoolean("wasLocked")).isTrue();
    assertThat(api.login(username, Api.Clinic.PASSWORD, guesser).status()).isEqualTo(200);

    for (int attempt = 1; attempt <= 5; attempt++) {
      api.login(username, "wrong again " + attempt, guesser);
    }
    assertThat(api.login(username, Api.Clinic.PASSWORD, guesser).status()).isEqualTo(429);
    String fresh = "a fresh passphrase for dana";
    assertThat(
            api.patch(
                    "/api/users/" + userId,
                    clinic.demoAdminToken(),
                    Json.createObjectBuilder().add("password", fresh).build())
                .status())
        .isEqualTo(200);
    assertThat(api.login(username, fresh, guesser).status())
        .as("a new password from the admin lifts the lock")
        .isEqualTo(200);
  }

  @Test
  void anAdminOfOnlyOneOfThePersonsClinicsCannotUnlock(Api api) {
    Api.Clinic clinicA = api.newClinic();
    Api.Clinic clinicB = api.newClinic();
    String userId = clinicA.userId(clinicA.enrol("DIRECTOR"));
    api.patch(
        "/api/users/" + userId,
        clinicA.demoAdminToken(),
        Json.createObjectBuilder()
            .add("clinicIds", Json.createArrayBuilder().add(clinicA.id()).add(clinicB.id()))
            .build());
    String adminB = clinicB.signIn(clinicB.enrol("ADMIN"));

    Reply refused = api.post("/api/users/" + userId + "/unlock", adminB, null);

    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.json().getString("type")).endsWith("person-of-other-clinics");
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
    // Used twice, so the second answer comes from the session cache, which must forget it at once.
    for (int i = 0; i < 2; i++) {
      JsonObject session = api.get("/api/auth/session", token).json();
      assertThat(session.getBoolean("signedIn")).isTrue();
      assertThat(session.getJsonArray("memberships").getJsonObject(0).getString("clinicId"))
          .isEqualTo(clinic.id());
      assertThat(session.getJsonArray("memberships").getJsonObject(0).getJsonArray("roles"))
          .extracting(v -> ((JsonString) v).getString())
          .containsExactly("DIRECTOR");
      assertThat(session.getString("idleDeadline")).isNotBlank();
    }

    Reply logout = api.post("/api/auth/logout", token, null);
    Reply after = api.get("/api/me", token);

    assertThat(logout.status()).isEqualTo(204);
    assertThat(logout.header("Set-Cookie"))
        .startsWith("directorline_session=;")
        .contains("Max-Age=0");
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.json().getString("type")).isEqualTo("urn:directorline:problem:session-ended");
    assertThat(after.header("WWW-Authenticate")).startsWith("Bearer");
    Reply anonymous = api.get("/api/auth/session", token);
    assertThat(anonymous.status()).as("the session endpoint never answers 401").isEqualTo(200);
    assertThat(anonymous.json().getBoolean("signedIn")).isFalse();
  }

  /** A console left idle is closed by its heartbeat, and the end of the session is on record. */
  @Test
  void anIdleConsoleClosedByItsHeartbeatRecordsTheSessionEnd(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    String directorId = clinic.userId(director);
    String officerName = clinic.enrol("COMPLIANCE_OFFICER");

    try (SseStream console = SseStream.open(api.baseUrl(), clinic.signIn(director), null)) {
      assertThat(console.status()).isEqualTo(200);
      Awaitility.await("the heartbeat closes the idle console")
          .atMost(Duration.ofSeconds(ApiServer.IDLE_TIMEOUT_SECONDS * 4L))
          .until(console::ended);
    }

    // Signed in only now: the test server's idle timeout would have ended an earlier session too.
    String officer = clinic.signIn(officerName);
    assertThat(
            api.get("/api/audit/events?size=50&action=LOGOUT&userId=" + directorId, officer)
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class))
        .extracting(e -> e.getString("detail", ""))
        .anyMatch(d -> d.startsWith("SESSION_ENDED: IDLE"));
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
