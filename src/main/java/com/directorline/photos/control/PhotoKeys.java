package com.directorline.photos.control;

import com.directorline.platform.control.KeyFiles;
import com.google.crypto.tink.KeysetHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The photo master keyset (Tink AEAD, AES-256-GCM): {@code directorline.photos.master-keyset} (Tink
 * JSON, e.g. from the environment) or {@code directorline.photos.master-keyset-file}; on a
 * development server without either, generated once into {@code <data-dir>/keys/} with a warning.
 * Never in the database: the database holds only ciphertext and wrapped data keys.
 */
@ApplicationScoped
public class PhotoKeys {

  @Inject
  @ConfigProperty(name = "directorline.photos.master-keyset")
  Optional<String> keysetJson;

  @Inject
  @ConfigProperty(name = "directorline.photos.master-keyset-file")
  Optional<String> keysetFile;

  private volatile KeysetHandle keyset;
  private volatile Envelope envelope;

  private KeysetHandle keyset() {
    KeysetHandle current = keyset;
    if (current == null) {
      synchronized (this) {
        current = keyset;
        if (current == null) {
          current = load();
          envelope = new Envelope(current);
          keyset = current;
        }
      }
    }
    return current;
  }

  public Envelope envelope() {
    keyset();
    return envelope;
  }

  /** The key new photos are wrapped under. */
  public String primaryKeyId() {
    return Envelope.primaryKeyId(keyset());
  }

  private KeysetHandle load() {
    return Envelope.parseMaster(
        KeyFiles.load(
            keysetJson,
            keysetFile,
            "photo-master-keyset.json",
            () -> Envelope.serializeMaster(Envelope.newMasterKeyset()),
            "photo master keyset",
            "configure directorline.photos.master-keyset-file for production, keep it out of"
                + " database backups, and back it up: without it no photo can be read"));
  }
}
