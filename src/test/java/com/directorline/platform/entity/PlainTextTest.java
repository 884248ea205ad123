package com.directorline.platform.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.InvalidInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u0000b",
        "\u0001",
        "bell\u0007",
        "esc\u001b[31m",
        "del\u007f",
        "c1\u0085",
        "c1\u009f",
        "\ufffe",
        "\uffff",
        "lone \ud800",
        "lone \udc00",
        "reversed \udc00\ud800",
        "end\ud83d"
      })
  void controlCharactersAndBrokenTextAreRefused(String value) {
    assertThat(PlainText.hasForbidden(value)).isTrue();
    assertThatThrownBy(() -> PlainText.require("note", value))
        .isInstanceOfSatisfying(
            InvalidInput.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().violations())
                  .singleElement()
                  .satisfies(
                      v -> {
                        assertThat(v.field()).isEqualTo("note");
                        assertThat(v.message()).doesNotContain(value);
                      });
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "MRN-0042",
        "two\nlines",
        "tab\there",
        "crlf\r\n",
        "Zoë Ångström",
        "日本語",
        "emoji \ud83d\ude00",
        "\u00a0no-break space",
        "\u200bzero width"
      })
  void whatPeopleTypeIsText(String value) {
    assertThat(PlainText.hasForbidden(value)).isFalse();
    assertThat(PlainText.require("note", value)).isEqualTo(value);
  }

  @Test
  void nullIsNoText() {
    assertThat(PlainText.require("note", null)).isNull();
  }
}
