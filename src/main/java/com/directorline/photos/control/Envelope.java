package com.directorline.photos.control;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Envelope encryption of photos with Tink: each photo under a data key of its own, the data key
 * wrapped by the master keyset. Both carry the same associated data, naming the photo and its
 * emergency, so a ciphertext or a wrapped key moved to another row does not decrypt.
 *
 * <p>Two formats. {@link #FORMAT_STREAMED} (every new photo): the data key is a Tink StreamingAead
 * key (AES-256-GCM-HKDF, 64 KiB segments), so a photo is encrypted and decrypted as it flows, in a
 * segment's worth of memory, and each segment is authenticated on its own (a changed, dropped or
 * reordered segment, or a cut-off end, fails). {@link #FORMAT_WHOLE} (photos stored before): one
 * AES-256-GCM call over the whole photo; still read, never written.
 *
 * <p>Rotation: add a new primary key to the master keyset; new photos are wrapped under it, old
 * ones still open with the older keys, and {@link #rewrap} moves an old data key under the new
 * primary without touching the photo's ciphertext. Plain Java, so the rotation command uses it.
 */
public final class Envelope {

  static {
    try {
      AeadConfig.register();
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot register Tink AEAD", e);
    }
  }

  /** One AES-256-GCM ciphertext over the whole photo: photos stored before streaming. */
  public static final int FORMAT_WHOLE = 1;

  /** Tink StreamingAead, stored in chunks: every photo stored now. */
  public static final int FORMAT_STREAMED = 2;

  /**
   * The streamed format's data keys. 64 KiB segments: the cipher's working memory per photo is two
   * segments, and a segment is long enough that its own tag and nonce cost nothing measurable.
   */
  private static final AesGcmHkdfStreamingParameters STREAMING;

  static {
    try {
      STREAMING =
          AesGcmHkdfStreamingParameters.builder()
              .setKeySizeBytes(32)
              .setDerivedAesGcmKeySizeBytes(32)
              .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
              .setCiphertextSegmentSizeBytes(64 * 1024)
              .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up Tink streaming AEAD", e);
    }
  }

  /** A sealed photo in the whole format: its wrapped data key and its ciphertext. */
  public record Sealed(byte[] wrappedKey, byte[] ciphertext) {}

  /** A new photo's data key, wrapped, and the way to encrypt the photo under it as it flows. */
  public static final class Sealer {
    private final byte[] wrappedKey;
    private final StreamingAead aead;
    private final byte[] associatedData;

    private Sealer(byte[] wrappedKey, StreamingAead aead, byte[] associatedData) {
      this.wrappedKey = wrappedKey;
      this.aead = aead;
      this.associatedData = associatedData;
    }

    public byte[] wrappedKey() {
      return wrappedKey.clone();
    }

    /** Encrypts what is written into {@code ciphertext}; closing it writes the last segment. */
    public OutputStream encrypting(OutputStream ciphertext) throws IOException {
      try {
        return aead.newEncryptingStream(ciphertext, associatedData);
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("cannot encrypt the photo", e);
      }
    }
  }

  private final Aead master;

  public Envelope(KeysetHandle masterKeyset) {
    try {
      this.master = masterKeyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the photo master keyset is not an AEAD keyset", e);
    }
  }

  /** What binds a ciphertext to its row. */
  public static byte[] associatedData(UUID photoId, UUID emergencyId) {
    return ("directorline-photo:v1|" + photoId + "|" + emergencyId)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** A new photo's streaming data key, wrapped under the master keyset's primary key. */
  public Sealer sealer(byte[] associatedData) {
    try {
      KeysetHandle dataKey = KeysetHandle.generateNew(STREAMING);
      return new Sealer(
          TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master, associatedData),
          dataKey.getPrimitive(RegistryConfiguration.get(), StreamingAead.class),
          associatedData.clone());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the photo's data key", e);
    }
  }

  /**
   * The plaintext of a streamed photo as it is read; reading fails with an IOException at the first
   * segment that was changed, moved or cut off.
   *
   * @throws GeneralSecurityException when the data key does not unwrap (changed, moved, or under a
   *     key that is not in the keyset)
   */
  public InputStream opening(byte[] wrappedKey, InputStream ciphertext, byte[] associatedData)
      throws GeneralSecurityException {
    KeysetHandle dataKey =
        TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, master, associatedData);
    try {
      return dataKey
          .getPrimitive(RegistryConfiguration.get(), StreamingAead.class)
          .newDecryptingStream(ciphertext, associatedData);
    } catch (IOException e) {
      throw new GeneralSecurityException("the photo's ciphertext cannot be read", e);
    }
  }

  /** Whole format: kept so that the test of old photos can write one as they were written. */
  public Sealed seal(byte[] plaintext, byte[] associatedData) {
    try {
      KeysetHandle dataKey = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
      byte[] ciphertext =
          dataKey
              .getPrimitive(RegistryConfiguration.get(), Aead.class)
              .encrypt(plaintext, associatedData);
      byte[] wrapped =
          TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master, associatedData);
      return new Sealed(wrapped, ciphertext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encrypt the photo", e);
    }
  }

  /**
   * The plaintext of a photo in the whole format; fails when anything was changed, moved, or the
   * key is not in the keyset.
   */
  public byte[] open(byte[] wrappedKey, byte[] ciphertext, byte[] associatedData)
      throws GeneralSecurityException {
    KeysetHandle dataKey =
        TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, master, associatedData);
    return dataKey
        .getPrimitive(RegistryConfiguration.get(), Aead.class)
        .decrypt(ciphertext, associatedData);
  }

  /** The same data key wrapped under the master keyset's current primary key. */
  public byte[] rewrap(byte[] wrappedKey, byte[] associatedData) throws GeneralSecurityException {
    KeysetHandle dataKey =
        TinkProtoKeysetFormat.parseEncryptedKeyset(wrappedKey, master, associatedData);
    return TinkProtoKeysetFormat.serializeEncryptedKeyset(dataKey, master, associatedData);
  }

  // --- the master keyset ---------------------------------------------------------------------

  public static KeysetHandle newMasterKeyset() {
    try {
      return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate the photo master keyset", e);
    }
  }

  /** The keyset with a new key that is not primary yet: every instance learns it first. */
  public static KeysetHandle withNewKey(KeysetHandle keyset) {
    try {
      return KeysetHandle.newBuilder(keyset)
          .addEntry(
              KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                  .withRandomId())
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot add a key to the photo master keyset", e);
    }
  }

  /** The id of the key added last. */
  public static String newestKeyId(KeysetHandle keyset) {
    return String.format("%08x", keyset.getAt(keyset.size() - 1).getId());
  }

  /** The keyset with the key {@code keyId} (eight hex digits) as its primary. */
  public static KeysetHandle promoted(KeysetHandle keyset, String keyId) {
    int id;
    try {
      id = Integer.parseUnsignedInt(keyId, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--key-id must be eight hex digits");
    }
    // The builder keeps the keyset's order, and the keyset knows the ids.
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    for (int i = 0; i < keyset.size(); i++) {
      if (keyset.getAt(i).getId() == id) {
        builder.getAt(i).makePrimary();
        try {
          return builder.build();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("cannot promote the key", e);
        }
      }
    }
    throw new IllegalArgumentException("the keyset has no key " + keyId);
  }

  /** The keyset without the key {@code keyId}; the primary key cannot be removed. */
  public static KeysetHandle withoutKey(KeysetHandle keyset, String keyId) {
    int id = keyIdOf(keyId);
    if (keyset.getPrimary().getId() == id) {
      throw new IllegalArgumentException(
          "key " + keyId + " is the primary key; promote another key first");
    }
    KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
    for (int i = 0; i < keyset.size(); i++) {
      if (keyset.getAt(i).getId() == id) {
        builder.deleteAt(i);
        try {
          return builder.build();
        } catch (GeneralSecurityException e) {
          throw new IllegalStateException("cannot remove the key", e);
        }
      }
    }
    throw new IllegalArgumentException("the keyset has no key " + keyId);
  }

  private static int keyIdOf(String keyId) {
    try {
      return Integer.parseUnsignedInt(keyId, 16);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--key-id must be eight hex digits");
    }
  }

  public static KeysetHandle parseMaster(String json) {
    try {
      return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException | RuntimeException e) {
      // The message could quote key material: name the problem only.
      throw new IllegalStateException("the photo master keyset is not a Tink JSON AEAD keyset");
    }
  }

  public static String serializeMaster(KeysetHandle keyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialise the photo master keyset", e);
    }
  }

  /** The primary key's id, as eight hex digits: which key new photos are wrapped under. */
  public static String primaryKeyId(KeysetHandle keyset) {
    return String.format("%08x", keyset.getPrimary().getId());
  }
}
