package com.directorline.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A user never reads or changes another clinic's data, and learns nothing of it. */
@ExtendWith(ApiServer.class)
class TenancyIT {

  @Test
  void anotherClinicsDataAnswers404AsIfItDidNotExist(Api api) {
    Api.Clinic mine = api.newClinic();
    Api.Clinic theirs = api.newClinic();
    String myAdmin = mine.signIn(mine.enrol("ADMIN"));
    String theirUser = theirs.userId(theirs.enrol("INJECTOR"));

    Reply users = api.get("/api/clinics/" + theirs.id() + "/users", myAdmin);
    Reply clinic = api.get("/api/clinics/" + theirs.id(), myAdmin);
    Reply user = api.get("/api/users/" + theirUser, myAdmin);
    Reply change =
        api.patch(
            "/api/users/" + theirUser,
            myAdmin,
            Json.createObjectBuilder().add("active", false).build());
    Reply enrol =
        api.post(
            "/api/clinics/" + theirs.id() + "/users",
            myAdmin,
            Json.createObjectBuilder()
                .add("username", "intruder")
                .add("displayName", "Intruder")
                .add("password", "long enough password")
                .add("roles", Json.createArrayBuilder().add("ADMIN"))
                .build());
    String nobody = "00000000-0000-4000-8000-000000000000";
    Reply noSuchClinic = api.get("/api/clinics/" + nobody, myAdmin);
    Reply noSuchUser = api.get("/api/users/" + nobody, myAdmin);

    for (Reply reply : new Reply[] {users, clinic, enrol}) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().getString("detail"))
          .isEqualTo(noSuchClinic.json().getString("detail"));
    }
    for (Reply reply : new Reply[] {user, change}) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
      assertThat(reply.json().getString("detail")).isEqualTo(noSuchUser.json().getString("detail"));
    }
    assertThat(theirs.signIn(theirs.enrol("INJECTOR"))).isNotBlank();
    assertThat(
            api.get("/api/users/" + theirUser, theirs.demoAdminToken()).json().getBoolean("active"))
        .isTrue();
  }

  @Test
  void clinicListsShowOnlyYourOwnClinics(Api api) {
    Api.Clinic mine = api.newClinic();
    api.newClinic();
    String myAdmin = mine.signIn(mine.enrol("ADMIN"));

    Reply clinics = api.get("/api/clinics", myAdmin);

    assertThat(clinics.array()).hasSize(1);
    assertThat(clinics.array().getJsonObject(0).getString("id")).isEqualTo(mine.id());
  }

  @Test
  void everyRoleIsCheckedOnEveryAdminEndpoint(Api api) {
    Api.Clinic clinic = api.newClinic();
    for (String role : new String[] {"INJECTOR", "DIRECTOR", "COMPLIANCE_OFFICER"}) {
      String token = clinic.signIn(clinic.enrol(role));
      Reply list = api.get("/api/clinics/" + clinic.id() + "/users", token);
      Reply open =
          api.post("/api/clinics", token, Json.createObjectBuilder().add("name", "X").build());
      assertThat(list.status()).as(role).isEqualTo(403);
      assertThat(open.status()).as(role).isEqualTo(403);
      assertThat(list.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void withoutATokenEverythingButSignInAnswers401(Api api) {
    Api.Clinic clinic = api.newClinic();

    assertThat(api.get("/api/me", null).status()).isEqualTo(401);
    assertThat(api.get("/api/clinics/" + clinic.id() + "/users", null).status()).isEqualTo(401);
    assertThat(api.post("/api/auth/logout", null, null).status()).isEqualTo(401);
  }

  @Test
  void aDirectorCanSuperviseSeveralClinics(Api api) {
    Api.Clinic first = api.newClinic();
    Api.Clinic second = api.newClinic();
    String director = first.enrol("DIRECTOR");

    Reply joined =
        api.patch(
            "/api/users/" + first.userId(director),
            first.demoAdminToken(),
            Json.createObjectBuilder()
                .add("clinicIds", Json.createArrayBuilder().add(first.id()).add(second.id()))
                .build());

    assertThat(joined.status()).isEqualTo(200);
    var clinicIds = api.get("/api/me", first.signIn(director)).json().getJsonArray("clinicIds");
    assertThat(clinicIds.getValuesAs(JsonString::getString))
        .containsExactlyInAnyOrder(first.id(), second.id());
    assertThat(api.get("/api/clinics/" + second.id() + "/users", second.demoAdminToken()).body())
        .contains(director);
  }
}
