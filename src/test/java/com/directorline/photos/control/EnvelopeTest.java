package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.security.GeneralSecurityException;
import java.util.Arrays;
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
}
