package com.directorline.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.InvalidInput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "short1!          | must be at least 12 characters",
        "password1234     | is too easy to guess; use a few unrelated words or a password manager",
        "qwertyuiop12     | is too easy to guess; use a few unrelated words or a password manager",
        "111111111111     | is too easy to guess; use a few unrelated words or a password manager",
        "letmein12345     | is too easy to guess; use a few unrelated words or a password manager",
        "directorline2026 | is too easy to guess; use a few unrelated words or a password manager",
        "dr.dana.director | must not be built from the username or name",
        "DrDana-1985-xyz! | must not be built from the username or name",
        "Dana Director 77 | must not be built from the username or name"
      })
  void weakPasswordsAreRefusedSayingWhy(String password, String why) {
    assertThatThrownBy(
            () -> Passwords.requirePolicy(password.strip(), "password", "dr.dana", "Dana Director"))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e ->
                assertThat(e.problem().violations())
                    .singleElement()
                    .satisfies(
                        v -> {
                          assertThat(v.field()).isEqualTo("password");
                          assertThat(v.message()).isEqualTo(why);
                        }));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "correct horse battery staple",
        "purple monkey dishwasher lamp",
        "Tr0ub4dor&3xx",
        "vK8#qz!Lm2@wP9"
      })
  void strongPasswordsPass(String password) {
    assertThatCode(() -> Passwords.requirePolicy(password, "password", "dr.dana", "Dana Director"))
        .doesNotThrowAnyException();
  }
}
