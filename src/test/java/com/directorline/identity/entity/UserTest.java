package com.directorline.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T09:00:00Z"), ZoneOffset.UTC);
  private static final UUID CLINIC_A = UUID.randomUUID();
  private static final UUID CLINIC_B = UUID.randomUUID();

  private static User director() {
    return User.enrol(
        " Dr.Dana ",
        "Dr. Dana",
        "dana@example.org",
        "+1 555 0100",
        "hash",
        Set.of(Role.DIRECTOR),
        Set.of(CLINIC_A, CLINIC_B),
        CLOCK);
  }

  @Test
  void usernamesAreStoredLowerCaseAndTrimmed() {
    assertThat(director().username()).isEqualTo("dr.dana");
  }

  @Test
  void usernamesMustBePlain() {
    assertThatThrownBy(() -> User.normalizeUsername("a b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> User.normalizeUsername("ab"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> User.normalizeUsername("-lead"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aUserNeedsARoleAndAClinic() {
    User user = director();
    assertThatThrownBy(() -> user.assignRoles(CLINIC_A, Set.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> user.changeMemberships(Set.of(CLINIC_A, CLINIC_B), Set.of(), Set.of(Role.ADMIN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user.changeMemberships(Set.of(), Set.of(UUID.randomUUID()), Set.of()))
        .as("a new membership needs a role")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> user.assignRoles(UUID.randomUUID(), Set.of(Role.ADMIN)))
        .as("roles are held in a clinic of the user's")
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(user.roles()).containsExactly(Role.DIRECTOR);
    assertThat(user.clinicIds()).containsExactlyInAnyOrder(CLINIC_A, CLINIC_B);
  }

  @Test
  void anAdminChangesOnlyTheMembershipsOfTheirOwnClinics() {
    User user = director();
    UUID clinicC = UUID.randomUUID();

    // An admin of A and C: leaves B alone, removes A, adds C.
    user.changeMemberships(Set.of(CLINIC_A, clinicC), Set.of(clinicC), Set.of(Role.INJECTOR));

    assertThat(user.clinicIds()).containsExactlyInAnyOrder(CLINIC_B, clinicC);
    assertThat(user.sharesClinicWith(Set.of(CLINIC_A))).isFalse();
    assertThat(user.belongsTo(CLINIC_B)).isTrue();
    assertThat(user.rolesByClinic())
        .containsOnly(
            Map.entry(CLINIC_B, Set.of(Role.DIRECTOR)), Map.entry(clinicC, Set.of(Role.INJECTOR)));
  }

  @Test
  void rolesBelongToTheMembership() {
    User user = director();

    user.assignRoles(CLINIC_B, Set.of(Role.INJECTOR, Role.ADMIN));

    assertThat(user.hasRole(Role.DIRECTOR, CLINIC_A)).isTrue();
    assertThat(user.hasRole(Role.DIRECTOR, CLINIC_B)).isFalse();
    assertThat(user.hasRole(Role.ADMIN, CLINIC_B)).isTrue();
    assertThat(user.hasRole(Role.ADMIN, CLINIC_A)).isFalse();
    assertThat(user.rolesIn(Set.of(CLINIC_A))).containsExactly(Role.DIRECTOR);
    assertThat(user.roles()).containsExactlyInAnyOrder(Role.DIRECTOR, Role.INJECTOR, Role.ADMIN);
    assertThat(user.belongsOnlyTo(Set.of(CLINIC_A))).isFalse();
    assertThat(user.belongsOnlyTo(Set.of(CLINIC_A, CLINIC_B))).isTrue();
  }

  @Test
  void blankContactDetailsAreCleared() {
    User user = director();
    user.changeContact("  ", null);

    assertThat(user.email()).isNull();
    assertThat(user.phone()).isNull();
  }

  @Test
  void deactivationAndReactivation() {
    User user = director();
    user.deactivate();
    assertThat(user.isActive()).isFalse();
    user.reactivate();
    assertThat(user.isActive()).isTrue();
  }
}
