package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rotation step written to the keyset file takes effect without a restart. */
class PhotoKeysTest {

  @TempDir Path dir;

  @Test
  void aChangedKeysetFileIsReadAgainAndNewPhotosUseItsPrimaryKey() throws Exception {
    Path file = dir.resolve("photo-master-keyset.json");
    KeysetHandle original = Envelope.newMasterKeyset();
    Files.writeString(file, Envelope.serializeMaster(original));
    PhotoKeys keys = new PhotoKeys();
    keys.keysetJson = Optional.empty();
    keys.keysetFile = Optional.of(file.toString());
    assertThat(keys.sealing().primaryKeyId()).isEqualTo(Envelope.primaryKeyId(original));

    KeysetHandle rotated = Envelope.withNewKey(original);
    String added = Envelope.newestKeyId(rotated);
    Files.writeString(file, Envelope.serializeMaster(Envelope.promoted(rotated, added)));
    // Some file systems keep whole seconds: make the change visible whatever the clock's grain.
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(2)));

    Awaitility.await("the promoted key in use")
        .atMost(PhotoKeys.RECHECK.plusSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> keys.sealing().primaryKeyId().equals(added));
    byte[] plain = "photo".getBytes(StandardCharsets.UTF_8);
    byte[] aad = "aad".getBytes(StandardCharsets.UTF_8);
    Envelope.Sealed sealed = keys.sealing().envelope().seal(plain, aad);
    assertThatThrownBy(
            () -> new Envelope(original).open(sealed.wrappedKey(), sealed.ciphertext(), aad))
        .as("the old keyset alone cannot open what the new primary wrapped")
        .isInstanceOf(GeneralSecurityException.class);
    assertThat(keys.sealing().envelope().open(sealed.wrappedKey(), sealed.ciphertext(), aad))
        .isEqualTo(plain);
  }
}
