package com.directorline.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ApiServer.class)
class StaffAdministrationIT {

  @Test
  void anAdminEnrolsAStaffMemberWhoCanSignIn(Api api) {
    Api.Clinic clinic = api.newClinic();
    JsonObject newUser =
        Json.createObjectBuilder()
            .add("username", "Nurse.Joy." + clinic.id().substring(0, 6))
            .add("displayName", "Joy Nurse, RN")
            .add("email", "joy@example.org")
            .add("phone", "+1 555 0199")
            .add("password", "twelve chars ok")
            .add("roles", Json.createArrayBuilder().add("INJECTOR"))
            .build();

    Reply created =
        api.post("/api/clinics/" + clinic.id() + "/users", clinic.demoAdminToken(), newUser);

    assertThat(created.status()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(created.header("Location")).endsWith("/api/users/" + id);
    assertThat(created.json().getString("username"))
        .isEqualTo("nurse.joy." + clinic.id().substring(0, 6));
    assertThat(created.body()).doesNotContain("twelve chars ok");
    assertThat(api.signIn("nurse.joy." + clinic.id().substring(0, 6), "twelve chars ok"))
        .isNotBlank();
    assertThat(api.get("/api/users/" + id, clinic.demoAdminToken()).json().getString("phone"))
        .isEqualTo("+1 555 0199");
  }

  @Test
  void aTakenUsernameIsAConflict(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("INJECTOR");
    JsonObject again =
        Json.createObjectBuilder()
            .add("username", username)
            .add("displayName", "Twin")
            .add("password", "another long password")
            .add("roles", Json.createArrayBuilder().add("INJECTOR"))
            .build();

    Reply reply =
        api.post("/api/clinics/" + clinic.id() + "/users", clinic.demoAdminToken(), again);

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.json().getString("type")).isEqualTo("urn:directorline:problem:username-taken");
  }

  @Test
  void passwordsShorterThanTwelveCharactersAreRefused(Api api) {
    Api.Clinic clinic = api.newClinic();
    JsonObject weak =
        Json.createObjectBuilder()
            .add("username", "weak" + clinic.id().substring(0, 6))
            .add("displayName", "Weak")
            .add("password", "elevenchars")
            .add("roles", Json.createArrayBuilder().add("INJECTOR"))
            .build();

    Reply reply = api.post("/api/clinics/" + clinic.id() + "/users", clinic.demoAdminToken(), weak);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("password");
    assertThat(reply.body()).doesNotContain("elevenchars");
  }

  @Test
  void anAdminCannotLockThemselvesOut(Api api) {
    Api.Clinic clinic = api.newClinic();
    String admin = clinic.enrol("ADMIN");
    String token = clinic.signIn(admin);
    String self = "/api/users/" + clinic.userId(admin);

    Reply deactivate =
        api.patch(self, token, Json.createObjectBuilder().add("active", false).build());
    Reply demote =
        api.patch(
            self,
            token,
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("DIRECTOR"))
                .build());

    assertThat(deactivate.status()).isEqualTo(409);
    assertThat(demote.status()).isEqualTo(409);
    assertThat(api.get("/api/me", token).status()).isEqualTo(200);
  }

  @Test
  void aPasswordResetEndsOldSessionsAndTheNewPasswordWorks(Api api) {
    Api.Clinic clinic = api.newClinic();
    String username = clinic.enrol("DIRECTOR");
    String old = clinic.signIn(username);

    Reply reset =
        api.patch(
            "/api/users/" + clinic.userId(username),
            clinic.demoAdminToken(),
            Json.createObjectBuilder().add("password", "a brand new password").build());

    assertThat(reset.status()).isEqualTo(200);
    assertThat(api.get("/api/me", old).status()).isEqualTo(401);
    assertThat(api.login(username, Api.Clinic.PASSWORD).status()).isEqualTo(401);
    assertThat(api.signIn(username, "a brand new password")).isNotBlank();
  }
}
