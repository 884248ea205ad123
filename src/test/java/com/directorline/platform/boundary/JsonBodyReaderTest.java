package com.directorline.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.ProblemException;
import com.directorline.problems.entity.Violation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonBodyReaderTest {

  enum Colour {
    RED,
    GREEN
  }

  record Inner(String label) {}

  record Sample(
      String name,
      int count,
      Boolean flag,
      Colour colour,
      UUID id,
      Instant at,
      List<Inner> items,
      Set<UUID> ids) {}

  private final JsonBodyReader reader = new JsonBodyReader(65536);

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Sample read(String json) throws Exception {
    return (Sample)
        reader.readFrom(
            (Class) Sample.class,
            Sample.class,
            new Annotation[0],
            MediaType.APPLICATION_JSON_TYPE,
            new MultivaluedHashMap<>(),
            new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private List<Violation> violationsOf(String json) {
    try {
      read(json);
    } catch (InvalidInput e) {
      return e.problem().violations();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    throw new AssertionError("no violations for " + json);
  }

  @Test
  void bindsEveryKindOfField() throws Exception {
    UUID id = UUID.randomUUID();
    Sample sample =
        read(
            "{\"name\":\"n\",\"count\":3,\"flag\":true,\"colour\":\"GREEN\",\"id\":\""
                + id
                + "\",\"at\":\"2026-11-23T09:00:00Z\",\"items\":[{\"label\":\"a\"}],\"ids\":[\""
                + id
                + "\"]}");

    assertThat(sample)
        .isEqualTo(
            new Sample(
                "n",
                3,
                true,
                Colour.GREEN,
                id,
                Instant.parse("2026-11-23T09:00:00Z"),
                List.of(new Inner("a")),
                Set.of(id)));
  }

  @Test
  void absentFieldsAreNullAndPrimitivesDefault() throws Exception {
    assertThat(read("{}")).isEqualTo(new Sample(null, 0, null, null, null, null, null, null));
  }

  @Test
  void eachWrongFieldIsNamedWithWhatIsExpected() {
    assertThat(
            violationsOf(
                "{\"name\":1,\"count\":1.5,\"flag\":\"yes\",\"colour\":\"BLUE\",\"id\":\"x\",\"at\":\"noon\","
                    + "\"items\":[{\"label\":2}],\"ids\":\"nope\",\"extra\":0}"))
        .containsExactlyInAnyOrder(
            new Violation("extra", "is not a known field"),
            new Violation("name", "must be a string"),
            new Violation("count", "must be a whole number"),
            new Violation("flag", "must be true or false"),
            new Violation("colour", "must be one of RED, GREEN"),
            new Violation("id", "must be a UUID"),
            new Violation("at", InstantParameter.RULE),
            new Violation("items[0].label", "must be a string"),
            new Violation("ids", "must be a JSON array"));
  }

  @Test
  void numbersOutOfRangeAreRefused() {
    assertThat(violationsOf("{\"count\": 3000000000}"))
        .containsExactly(new Violation("count", "must be a whole number"));
  }

  record Dose(BigDecimal amount) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Object readDose(String json) throws Exception {
    return reader.readFrom(
        (Class) Dose.class,
        Dose.class,
        new Annotation[0],
        MediaType.APPLICATION_JSON_TYPE,
        new MultivaluedHashMap<>(),
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void decimalsAreKeptAsWrittenAndExponentsOrStringsRefused() throws Exception {
    assertThat(readDose("{\"amount\": 0.25}")).isEqualTo(new Dose(new BigDecimal("0.25")));
    assertThat(readDose("{\"amount\": 1500}")).isEqualTo(new Dose(new BigDecimal("1500")));
    for (String bad : List.of("1e999999999", "\"1500\"", "1.1234567", "1234567890123")) {
      assertThatThrownBy(() -> readDose("{\"amount\": " + bad + "}"))
          .as(bad)
          .isInstanceOfSatisfying(
              InvalidInput.class,
              e ->
                  assertThat(e.problem().violations())
                      .containsExactly(
                          new Violation(
                              "amount", "must be a decimal number such as 1500 or 0.25")));
    }
  }

  @Test
  void malformedJsonNamesTheBodyAndThePosition() {
    assertThat(violationsOf("{\"name\": "))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("body");
              assertThat(v.message()).startsWith("is not valid JSON");
            });
    assertThat(violationsOf(""))
        .containsExactly(new Violation("body", "a JSON object is required"));
    assertThat(violationsOf("[1]")).containsExactly(new Violation("body", "must be a JSON object"));
  }

  @Test
  void violationMessagesNeverQuoteTheSubmittedValue() {
    List<Violation> violations =
        violationsOf("{\"name\":[\"SECRET-VALUE\"],\"colour\":\"SECRET-VALUE\"}");

    assertThat(violations)
        .extracting(Violation::message)
        .noneMatch(m -> m.contains("SECRET-VALUE"));
  }

  @Test
  void anOversizedBodyIsRefusedWith413() {
    String big = "{\"name\":\"" + "x".repeat(70_000) + "\"}";

    assertThatThrownBy(() -> read(big))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(413));
  }

  @Test
  void controlCharactersInAnyStringAreRefusedByField() {
    assertThat(violationsOf("{\"name\":\"a\\u0000b\",\"items\":[{\"label\":\"x\\u001by\"}]}"))
        .containsExactlyInAnyOrder(
            new Violation("name", "must not contain control characters"),
            new Violation("items[0].label", "must not contain control characters"));
    assertThat(violationsOf("{\"name\":\"lone \\ud800 surrogate\"}"))
        .containsExactly(new Violation("name", "must not contain control characters"));
  }

  @Test
  void linesAndTabsAreText() throws Exception {
    assertThat(read("{\"name\":\"two\\nlines\\tand a tab \\ud83d\\ude00\"}").name())
        .isEqualTo("two\nlines\tand a tab \ud83d\ude00");
  }

  @Test
  void aBodyNestedTooDeeplyIsRefusedBeforeParsing() {
    String deep = "{\"items\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertThat(violationsOf(deep))
        .containsExactly(new Violation("body", "is nested deeper than 32 levels"));
  }

  @Test
  void bracketsInsideStringsDoNotCountAsNesting() {
    String text = "{\"name\":\"" + "[{\\\"".repeat(100) + "\"}";

    assertThat(JsonBodyReader.depth(text.getBytes(StandardCharsets.UTF_8))).isEqualTo(1);
  }

  @Test
  void instantsBeyondTheYears1To9999AreRefusedLikeAnyOtherBadTime() {
    assertThat(violationsOf("{\"at\":\"+1000000000-12-31T23:59:59Z\"}"))
        .containsExactly(new Violation("at", InstantParameter.RULE));
    assertThat(violationsOf("{\"at\":\"-0001-01-01T00:00:00Z\"}"))
        .containsExactly(new Violation("at", InstantParameter.RULE));
    assertThat(InstantParameter.parsed("9999-12-31T23:59:59Z")).isNotNull();
    assertThat(InstantParameter.parsed("0001-01-01T00:00:00Z")).isNotNull();
  }
}
