package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Per-photo data keys under the master keyset: round trip, tampering, swapped rows, rotation. */
class EnvelopeTest {

  private static final byte[] PHOTO = TestImages.encode(TestImages.picture(32, 32), "jpeg");
  private final KeysetHandle master = Envelope.newMasterKeyset();
  private final Envelope envelope = new Envelope(master);
  private final byte[] aad = Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID());

  @Test
  void aPhotoComesBackExactly() throws Exception {
    Envelope.Sealed sealed = envelope.seal(PHOTO, aad);
    assertThat(sealed.ciphertext()).isNotEqualTo(PHOTO);
    assertThat(TestImages.indexOf(sealed.ciphertext(), Arrays.copyOfRange(PHOTO, 0, 16)))
        .isNegative();
    assertThat(envelope.open(sealed.wrappedKey(), sealed.ciphertext(), aad)).isEqualTo(PHOTO);
  }

  @Test
  void eachPhotoHasADataKeyOfItsOwn() {
    Envelope.Sealed a = envelope.seal(PHOTO, aad);
    Envelope.Sealed b = envelope.seal(PHOTO, aad);
    assertThat(a.wrappedKey()).isNotEqualTo(b.wrappedKey());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
  }

  @Test
  void aChangedCiphertextOrWrappedKeyDoesNotOpen() {
    Envelope.Sealed sealed = envelope.seal(PHOTO, aad);
    byte[] tampered = sealed.ciphertext().clone();
    tampered[tampered.length / 2] ^= 0x01;
    assertThatThrownBy(() -> envelope.open(sealed.wrappedKey(), tampered, aad))
        .isInstanceOf(GeneralSecurityException.class);
    byte[] key = sealed.wrappedKey().clone();
    key[key.length - 3] ^= 0x01;
    assertThatThrownBy(() -> envelope.open(key, sealed.ciphertext(), aad))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aPhotoMovedToAnotherRowDoesNotOpen() {
    Envelope.Sealed sealed = envelope.seal(PHOTO, aad);
    byte[] otherRow = Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID());
    assertThatThrownBy(() -> envelope.open(sealed.wrappedKey(), sealed.ciphertext(), otherRow))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void anotherMasterKeyCannotOpenIt() {
    Envelope.Sealed sealed = envelope.seal(PHOTO, aad);
    Envelope stranger = new Envelope(Envelope.newMasterKeyset());
    assertThatThrownBy(() -> stranger.open(sealed.wrappedKey(), sealed.ciphertext(), aad))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void rotationKeepsOldPhotosReadableAndRewrapsThemUnderTheNewKey() throws Exception {
    Envelope.Sealed old = envelope.seal(PHOTO, aad);
    KeysetHandle added = Envelope.withNewKey(master);
    KeysetHandle rotated = Envelope.promoted(added, Envelope.newestKeyId(added));
    assertThat(Envelope.primaryKeyId(rotated)).isNotEqualTo(Envelope.primaryKeyId(master));
    Envelope afterRotation = new Envelope(rotated);
    assertThat(afterRotation.open(old.wrappedKey(), old.ciphertext(), aad)).isEqualTo(PHOTO);

    byte[] rewrapped = afterRotation.rewrap(old.wrappedKey(), aad);
    // Only the new key: the rewrapped photo opens, the old wrapping does not.
    KeysetHandle newOnly =
        KeysetHandle.newBuilder()
            .addEntry(
                KeysetHandle.importKey(rotated.getPrimary().getKey())
                    .withFixedId(rotated.getPrimary().getId())
                    .makePrimary())
            .build();
    Envelope newKeyOnly = new Envelope(newOnly);
    assertThat(newKeyOnly.open(rewrapped, old.ciphertext(), aad)).isEqualTo(PHOTO);
    assertThatThrownBy(() -> newKeyOnly.open(old.wrappedKey(), old.ciphertext(), aad))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void theMasterKeysetSurvivesItsJsonForm() throws Exception {
    Envelope.Sealed sealed = envelope.seal(PHOTO, aad);
    KeysetHandle reloaded = Envelope.parseMaster(Envelope.serializeMaster(master));
    assertThat(new Envelope(reloaded).open(sealed.wrappedKey(), sealed.ciphertext(), aad))
        .isEqualTo(PHOTO);
    assertThatThrownBy(() -> Envelope.parseMaster("{\"not\": \"a keyset\"}"))
        .hasMessageNotContaining("not\"");
  }

  private byte[] streamSealed(Envelope.Sealer sealer, byte[] plain) throws Exception {
    ByteArrayOutputStream ciphertext = new ByteArrayOutputStream();
    try (OutputStream out = sealer.encrypting(ciphertext)) {
      for (int i = 0; i < plain.length; i += 10_000) {
        out.write(plain, i, Math.min(10_000, plain.length - i));
      }
    }
    return ciphertext.toByteArray();
  }

  private byte[] streamOpened(byte[] wrapped, byte[] ciphertext, byte[] ad) throws Exception {
    try (InputStream in = envelope.opening(wrapped, new ByteArrayInputStream(ciphertext), ad)) {
      return in.readAllBytes();
    }
  }

  @Test
  void aStreamedPhotoComesBackExactlyAndEveryChangeToItFails() throws Exception {
    byte[] photo = new byte[300_000]; // five segments
    new SplittableRandom(3).nextBytes(photo);
    Envelope.Sealer sealer = envelope.sealer(aad);
    byte[] ciphertext = streamSealed(sealer, photo);
    assertThat(TestImages.indexOf(ciphertext, Arrays.copyOfRange(photo, 1000, 1016))).isNegative();
    assertThat(streamOpened(sealer.wrappedKey(), ciphertext, aad)).isEqualTo(photo);

    byte[] changed = ciphertext.clone();
    changed[200_000] ^= 0x01;
    assertThatThrownBy(() -> streamOpened(sealer.wrappedKey(), changed, aad))
        .isInstanceOf(IOException.class);
    byte[] cut = Arrays.copyOf(ciphertext, 64 * 1024 * 2);
    assertThatThrownBy(() -> streamOpened(sealer.wrappedKey(), cut, aad))
        .as("a photo cut at a segment's end")
        .isInstanceOf(IOException.class);
    byte[] otherRow = Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID());
    assertThatThrownBy(() -> streamOpened(sealer.wrappedKey(), ciphertext, otherRow))
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(envelope.sealer(aad).wrappedKey())
        .as("a data key per photo")
        .isNotEqualTo(sealer.wrappedKey());
  }

  @Test
  void aStreamedPhotosKeyIsRewrappedUnderANewPrimaryWithoutTouchingItsCiphertext()
      throws Exception {
    byte[] photo = TestImages.noisyJpeg(300, 200, 4);
    Envelope.Sealer sealer = envelope.sealer(aad);
    byte[] ciphertext = streamSealed(sealer, photo);
    KeysetHandle withNew = Envelope.withNewKey(master);
    KeysetHandle rotated = Envelope.promoted(withNew, Envelope.newestKeyId(withNew));
    Envelope after = new Envelope(rotated);
    byte[] rewrapped = after.rewrap(sealer.wrappedKey(), aad);
    KeysetHandle onlyNew = Envelope.withoutKey(rotated, Envelope.primaryKeyId(master));
    try (InputStream in =
        new Envelope(onlyNew).opening(rewrapped, new ByteArrayInputStream(ciphertext), aad)) {
      assertThat(in.readAllBytes()).isEqualTo(photo);
    }
  }
}
