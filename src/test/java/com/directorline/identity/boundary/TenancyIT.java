package com.directorline.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
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

  /**
   * A person in two clinics: the admin of one changes only their roles there, never what would let
   * them act as the person in the other clinic, and each change is on the other clinic's record.
   */
  @Test
  void anAdminOfOneClinicCannotTakeOverAPersonWhoAlsoWorksForAnother(Api api) {
    Api.Clinic clinicA = api.newClinic();
    Api.Clinic clinicB = api.newClinic();
    String director = clinicA.enrol("DIRECTOR");
    String directorId = clinicA.userId(director);
    String officerA = clinicA.signIn(clinicA.enrol("COMPLIANCE_OFFICER"));
    // The demo admin administers both clinics and adds the director to B.
    assertThat(
            api.patch(
                    "/api/users/" + directorId,
                    clinicA.demoAdminToken(),
                    Json.createObjectBuilder()
                        .add(
                            "clinicIds",
                            Json.createArrayBuilder().add(clinicA.id()).add(clinicB.id()))
                        .build())
                .status())
        .isEqualTo(200);
    String adminB = clinicB.signIn(clinicB.enrol("ADMIN"));

    for (var takeover :
        List.of(
            Json.createObjectBuilder().add("password", "a password B's admin knows"),
            Json.createObjectBuilder().add("active", false),
            Json.createObjectBuilder().add("phone", "+1 555 0666"),
            Json.createObjectBuilder().add("displayName", "Someone else"))) {
      Reply refused = api.patch("/api/users/" + directorId, adminB, takeover.build());
      assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
      assertThat(refused.json().getString("type")).endsWith("person-of-other-clinics");
    }
    assertThat(api.login(director, "a password B's admin knows").status()).isEqualTo(401);
    assertThat(clinicA.signIn(director)).as("the director still signs in as before").isNotBlank();

    // B's admin makes them an injector in B: in A they still direct.
    Reply injectorInB =
        api.patch(
            "/api/users/" + directorId,
            adminB,
            Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("INJECTOR"))
                .build());
    assertThat(injectorInB.status()).as(injectorInB.toString()).isEqualTo(200);
    assertThat(injectorInB.json().getJsonArray("roles").getValuesAs(JsonString::getString))
        .as("B's admin sees the roles in B only")
        .containsExactly("INJECTOR");
    assertThat(injectorInB.json().getJsonArray("clinicIds").getValuesAs(JsonString::getString))
        .containsExactly(clinicB.id());
    JsonObject both = api.get("/api/users/" + directorId, clinicA.demoAdminToken()).json();
    assertThat(both.getJsonArray("memberships").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("clinicId") + "=" + m.getJsonArray("roles").getString(0))
        .containsExactlyInAnyOrder(clinicA.id() + "=DIRECTOR", clinicB.id() + "=INJECTOR");

    // Signed in, the person launches only where they inject, and directs only where they direct.
    clinicB.definePolicy(List.of(List.of(clinicB.userId(clinicB.enrol("DIRECTOR")))), 60, "911");
    clinicA.definePolicy(List.of(List.of(directorId)), 60, "911");
    String person = clinicA.signIn(director);
    Reply launchInA =
        api.post(
            "/api/emergencies?clinicId=" + clinicA.id(),
            person,
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("patientRef", "MRN-TAKEOVER")
                .add("patientInitials", "TK")
                .build());
    assertThat(launchInA.status()).as(launchInA.toString()).isEqualTo(404);
    Reply launchInB =
        api.post(
            "/api/emergencies",
            person,
            Json.createObjectBuilder()
                .add("complication", "VASCULAR_OCCLUSION")
                .add("patientRef", "MRN-TAKEOVER")
                .add("patientInitials", "TK")
                .build());
    assertThat(launchInB.status()).as(launchInB.toString()).isEqualTo(201);
    assertThat(launchInB.json().getString("clinicId")).isEqualTo(clinicB.id());
    assertThat(api.get("/api/clinics/" + clinicA.id() + "/escalation-policy", person).status())
        .as("a director of A reads A's policy")
        .isEqualTo(200);
    assertThat(api.get("/api/clinics/" + clinicB.id() + "/escalation-policy", person).status())
        .as("an injector of B does not")
        .isEqualTo(404);

    // A's compliance officer finds B's change of the person's roles, and the refused ones leave
    // nothing behind.
    Reply changes = api.get("/api/audit/events?action=UPDATE&size=100", officerA);
    assertThat(changes.json().getJsonArray("items").getValuesAs(JsonObject.class))
        .filteredOn(e -> directorId.equals(e.getString("objectId", null)))
        .extracting(JsonObject::toString)
        .anySatisfy(e -> assertThat(e).contains("ROLES_CHANGED"))
        .noneSatisfy(e -> assertThat(e).contains("PASSWORD_CHANGED"));
  }
}
