package com.directorline.consent.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.directorline.platform.entity.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The rules a consent keeps before anything is stored. */
class ConsentTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final UUID CLINIC = UUID.randomUUID();
  private static final UUID NURSE = UUID.randomUUID();
  private static final ConsentText TELEHEALTH =
      ConsentText.version(
          CLINIC, ConsentKind.TELEHEALTH_CONSULT, 1, "I agree to a video consult.", NURSE, CLOCK);

  private static Consent.Given given(ConsentMethod method, String witness, String signature) {
    return new Consent.Given(
        "MRN-1",
        ConsentKind.TELEHEALTH_CONSULT,
        "Pat Patient",
        "self",
        method,
        witness,
        signature,
        null);
  }

  @Test
  void aTextCarriesTheSha256OfItsExactWords() throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256")
            .digest("I agree to a video consult.".getBytes(StandardCharsets.UTF_8));
    assertThat(TELEHEALTH.sha256()).isEqualTo(HexFormat.of().formatHex(digest));
    assertThat(TELEHEALTH.sha256()).isNotEqualTo(Sha256.hex("I agree to a video consult"));
  }

  @Test
  void verbalConsentNeedsAWitness() {
    assertThatThrownBy(
            () ->
                Consent.record(
                    CLINIC,
                    given(ConsentMethod.VERBAL_ATTESTED, " ", null),
                    TELEHEALTH,
                    NURSE,
                    CLOCK))
        .isInstanceOfSatisfying(
            InvalidConsent.class, e -> assertThat(e.field()).isEqualTo("witness"));
    Consent consent =
        Consent.record(
            CLINIC,
            given(ConsentMethod.VERBAL_ATTESTED, "Riley Reception", null),
            TELEHEALTH,
            NURSE,
            CLOCK);
    assertThat(consent.witness()).isEqualTo("Riley Reception");
    assertThat(consent.textSha256()).isEqualTo(TELEHEALTH.sha256());
    assertThat(consent.bySurrogate()).isFalse();
  }

  @Test
  void anElectronicSignatureIsAPngOrATypedName() {
    assertThatThrownBy(
            () ->
                Consent.record(
                    CLINIC,
                    given(ConsentMethod.ELECTRONIC_SIGNATURE, null, null),
                    TELEHEALTH,
                    NURSE,
                    CLOCK))
        .isInstanceOfSatisfying(
            InvalidConsent.class, e -> assertThat(e.field()).isEqualTo("signature"));
    String gif =
        "data:image/png;base64," + Base64.getEncoder().encodeToString("GIF89a....".getBytes());
    assertThatThrownBy(
            () ->
                Consent.record(
                    CLINIC,
                    given(ConsentMethod.ELECTRONIC_SIGNATURE, null, gif),
                    TELEHEALTH,
                    NURSE,
                    CLOCK))
        .hasMessageContaining("not a PNG");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
    Consent drawn =
        Consent.record(
            CLINIC,
            given(
                ConsentMethod.ELECTRONIC_SIGNATURE,
                null,
                "data:image/png;base64," + Base64.getEncoder().encodeToString(png)),
            TELEHEALTH,
            NURSE,
            CLOCK);
    assertThat(drawn.hasSignatureImage()).isTrue();
    Consent typed =
        Consent.record(
            CLINIC,
            given(ConsentMethod.ELECTRONIC_SIGNATURE, null, "Pat Patient"),
            TELEHEALTH,
            NURSE,
            CLOCK);
    assertThat(typed.signatureName()).isEqualTo("Pat Patient");
  }

  @Test
  void theConsentMustBeOfTheTextsKindAndClinic() {
    Consent.Given photo =
        new Consent.Given(
            "MRN-1",
            ConsentKind.PHOTO_CAPTURE_AND_SHARING,
            "Pat",
            "self",
            ConsentMethod.WRITTEN,
            null,
            null,
            null);
    assertThatThrownBy(() -> Consent.record(CLINIC, photo, TELEHEALTH, NURSE, CLOCK))
        .isInstanceOfSatisfying(
            InvalidConsent.class, e -> assertThat(e.field()).isEqualTo("consentTextId"));
    assertThatThrownBy(
            () ->
                Consent.record(
                    UUID.randomUUID(),
                    given(ConsentMethod.WRITTEN, null, null),
                    TELEHEALTH,
                    NURSE,
                    CLOCK))
        .hasMessageContaining("another clinic");
  }

  @Test
  void aSurrogateAndAValidityEnd() {
    Consent.Given mother =
        new Consent.Given(
            "MRN-1",
            ConsentKind.TELEHEALTH_CONSULT,
            "Maria Patient",
            "Mother",
            ConsentMethod.WRITTEN,
            null,
            null,
            NOW.plus(Duration.ofDays(365)));
    Consent consent = Consent.record(CLINIC, mother, TELEHEALTH, NURSE, CLOCK);
    assertThat(consent.bySurrogate()).isTrue();
    assertThat(consent.givenByRelationship()).isEqualTo("mother");
    assertThat(consent.validAt(NOW.plus(Duration.ofDays(364)))).isTrue();
    assertThat(consent.validAt(NOW.plus(Duration.ofDays(365)))).isFalse();
    Consent.Given past =
        new Consent.Given(
            "MRN-1",
            ConsentKind.TELEHEALTH_CONSULT,
            "Pat",
            "self",
            ConsentMethod.WRITTEN,
            null,
            null,
            NOW);
    assertThatThrownBy(() -> Consent.record(CLINIC, past, TELEHEALTH, NURSE, CLOCK))
        .hasMessageContaining("future");
  }

  @Test
  void aFollowUpTaskIsCompletedOnce() {
    ConsentException exception =
        ConsentException.declare(UUID.randomUUID(), CLINIC, "MRN-1", "unresponsive", NURSE, CLOCK);
    FollowUpTask task = FollowUpTask.informPatient(exception, CLOCK);
    assertThat(task.isOpen()).isTrue();
    task.complete(NURSE, "informed the patient; consent recorded", CLOCK);
    assertThat(task.isOpen()).isFalse();
    assertThatThrownBy(() -> task.complete(NURSE, "again", CLOCK))
        .isInstanceOf(FollowUpTask.AlreadyCompleted.class);
  }
}
