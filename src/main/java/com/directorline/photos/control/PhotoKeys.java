package com.directorline.photos.control;

import com.directorline.platform.control.DataDirectory;
import com.google.crypto.tink.KeysetHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The photo master keyset (Tink AEAD, AES-256-GCM): {@code directorline.photos.master-keyset} (Tink
 * JSON, e.g. from the environment) or {@code directorline.photos.master-keyset-file}; on a
 * development server without either, generated once into {@code <data-dir>/keys/} with a warning.
 * Never in the database: the database holds only ciphertext and wrapped data keys.
 */
@ApplicationScoped
public class PhotoKeys {

  private static final Logger LOG = Logger.getLogger(PhotoKeys.class.getName());

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
    if (keysetJson.isPresent() && !keysetJson.get().isBlank()) {
      return Envelope.parseMaster(keysetJson.get());
    }
    if (keysetFile.isPresent() && !keysetFile.get().isBlank()) {
      return Envelope.parseMaster(read(Path.of(keysetFile.get())));
    }
    Path generated = DataDirectory.resolve().resolve("keys").resolve("photo-master-keyset.json");
    if (Files.exists(generated)) {
      return Envelope.parseMaster(read(generated));
    }
    KeysetHandle fresh = Envelope.newMasterKeyset();
    write(generated, Envelope.serializeMaster(fresh));
    LOG.warning(
        "generated a new photo master keyset in "
            + generated.getParent()
            + "; configure directorline.photos.master-keyset-file for production, keep it out of"
            + " database backups, and back it up: without it no photo can be read");
    return fresh;
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the photo master keyset " + path, e);
    }
  }

  static void write(Path path, String content) {
    try {
      Files.createDirectories(path.getParent());
      DataDirectory.ownerOnly(path.getParent());
      Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      DataDirectory.ownerOnly(temporary);
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the photo master keyset to " + path, e);
    }
  }
}
