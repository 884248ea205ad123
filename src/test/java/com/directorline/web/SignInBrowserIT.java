package com.directorline.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Browser;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** Sign-in, sign-out and the pages' security in real Chromium, on a phone-sized screen. */
@ExtendWith(ApiServer.class)
class SignInBrowserIT {

  @Test
  void anInjectorSignsInOnAPhoneAndSignsOut(Api api) {
    Api.Clinic clinic = api.newClinic();
    String injector = clinic.enrol("INJECTOR");
    try (Browser phone = Browser.open(api.baseUrl(), true)) {
      phone.go("/");
      phone.screenshot("signin-phone");
      phone.type("username", injector);
      phone.type("password", "not the password");
      phone.driver().findElement(By.cssSelector("#signin button")).click();
      phone.shows("error", "Wrong username or password");

      // One role: straight to that role's page.
      phone.signIn(injector, Api.Clinic.PASSWORD, "/injector.html");
      phone.shows("who", "Test INJECTOR");
      phone.shown("emergency-button");
      phone.screenshot("signed-in-phone");

      // A reload keeps the session (the HttpOnly cookie), and scripts never see the token.
      phone.go("/");
      phone.at("/injector.html");
      phone.shown("emergency-button");
      Object cookies = phone.script("return document.cookie");
      assertThat(String.valueOf(cookies)).doesNotContain("directorline_session");

      phone.click("signout");
      // Wait for the sign-in page first: the emergency page has a notice line of its own.
      phone.at("/");
      phone.shows("notice", "You are signed out");
      phone.go("/injector.html");
      phone.at("/");
      phone.shows("notice", "Sign in to continue");
      phone.shown("username");
    }
  }

  @Test
  void someoneWithSeveralRolesChoosesTheirPage(Api api) {
    Api.Clinic clinic = api.newClinic();
    String both = clinic.enrol("DIRECTOR", "COMPLIANCE_OFFICER");
    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.go("/");
      desk.type("username", both);
      desk.type("password", Api.Clinic.PASSWORD);
      desk.driver().findElement(By.cssSelector("#signin button")).click();
      assertThat(desk.text("greeting", "Signed in as"))
          .contains("Test DIRECTOR/COMPLIANCE_OFFICER");
      assertThat(desk.visible("idle").getText())
          .isEqualTo(ApiServer.IDLE_TIMEOUT_SECONDS + " seconds");
      assertThat(desk.visible("pages").getText())
          .contains("On-call console")
          .contains("Compliance console")
          .doesNotContain("Emergency page");
      desk.driver().findElement(By.linkText("Compliance console")).click();
      desk.at("/compliance.html");
      assertThat(desk.text("who", "Test")).contains("Test DIRECTOR/COMPLIANCE_OFFICER");
    }
  }

  @Test
  void theAutomaticLogoffIsShownToTheUser(Api api) {
    Api.Clinic clinic = api.newClinic();
    String director = clinic.enrol("DIRECTOR");
    try (Browser desk = Browser.open(api.baseUrl(), false)) {
      desk.signIn(director, Api.Clinic.PASSWORD, "/director.html");
      desk.text("console-state", "On call");
      // The test server logs off after 10 idle seconds (the console's alert stream does not
      // count as activity); the console notices and the sign-in page says why.
      desk.at("/", Duration.ofSeconds(40));
      desk.until(
          Duration.ofSeconds(40),
          ExpectedConditions.textToBePresentInElementLocated(
              By.id("notice"), "signed out automatically"));
      assertThat(desk.visible("notice").getText()).contains("after 10 seconds without activity");
      desk.shown("username");
      desk.screenshot("automatic-logoff-desktop");
    }
  }

  @Test
  void pagesCarryAStrictPolicyAndCookieChangesNeedTheHeader(Api api) {
    Reply page = api.get("/", null);
    assertThat(page.status()).isEqualTo(200);
    String policy = page.header("Content-Security-Policy");
    assertThat(policy)
        .contains("script-src 'self' https://meet.test.invalid;")
        .contains("frame-src https://meet.test.invalid;")
        .contains("frame-ancestors 'none'")
        .doesNotContain("unsafe-inline")
        .doesNotContain("unsafe-eval");
    assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
    assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");

    Api.Clinic clinic = api.newClinic();
    String token = clinic.signIn(clinic.enrol("DIRECTOR"));
    Map<String, String> cookieOnly = Map.of("Cookie", "directorline_session=" + token);
    Reply forged = api.send("POST", "/api/auth/logout", null, null, null, cookieOnly);
    assertThat(forged.status()).as("a cross-site form's request").isEqualTo(403);
    assertThat(forged.json().getString("type")).endsWith("cross-site-request");
    assertThat(api.get("/api/me", token).status()).as("still signed in").isEqualTo(200);
    Reply fromThePage =
        api.send(
            "POST",
            "/api/auth/logout",
            null,
            null,
            null,
            Map.of("Cookie", "directorline_session=" + token, "X-Requested-With", "DirectorLine"));
    assertThat(fromThePage.status()).isEqualTo(204);
    Reply signInWithAStaleCookie =
        api.send(
            "POST",
            "/api/auth/login",
            null,
            "application/json",
            Json.createObjectBuilder()
                .add("username", "nobody-" + UUID.randomUUID().toString().substring(0, 8))
                .add("password", "whatever it is")
                .build()
                .toString(),
            cookieOnly);
    assertThat(signInWithAStaleCookie.status()).as("sign-in is not guarded").isEqualTo(401);
  }
}
