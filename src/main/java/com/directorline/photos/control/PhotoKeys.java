package com.directorline.photos.control;

import com.directorline.platform.control.KeyFiles;
import com.google.crypto.tink.KeysetHandle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The photo master keyset (Tink AEAD, AES-256-GCM): {@code directorline.photos.master-keyset} (Tink
 * JSON, e.g. from the environment) or {@code directorline.photos.master-keyset-file}; on a
 * development server without either, generated once into {@code <data-dir>/keys/} with a warning.
 * Never in the database: the database holds only ciphertext and wrapped data keys.
 *
 * <p>A keyset file is read again when it changes (looked at every {@link #RECHECK}), so each step
 * of a rotation (add, promote, remove) takes effect on every instance without a restart. A keyset
 * given as a value cannot change while the server runs.
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

  static final Duration RECHECK = Duration.ofSeconds(5);

  /** The keyset, the envelope over it, and the file's stamp when it was read. */
  private record Loaded(KeysetHandle keyset, Envelope envelope, FileTime stamp, long checkedAt) {}

  private volatile Loaded loaded;

  private synchronized Loaded current() {
    Loaded now = loaded;
    long tick = System.nanoTime();
    if (now == null) {
      KeysetHandle keyset = load();
      loaded = new Loaded(keyset, new Envelope(keyset), stamp(), tick);
      return loaded;
    }
    if (keysetJson.filter(v -> !v.isBlank()).isPresent()
        || tick - now.checkedAt() < RECHECK.toNanos()) {
      return now;
    }
    FileTime stamp = stamp();
    if (stamp != null && !stamp.equals(now.stamp())) {
      KeysetHandle keyset = load();
      LOG.info(
          () -> "photo master keyset read again; primary key " + Envelope.primaryKeyId(keyset));
      loaded = new Loaded(keyset, new Envelope(keyset), stamp, tick);
    } else {
      loaded = new Loaded(now.keyset(), now.envelope(), now.stamp(), tick);
    }
    return loaded;
  }

  /** The configured keyset file's modification time; null without one. */
  private FileTime stamp() {
    return keysetFile
        .filter(f -> !f.isBlank())
        .map(
            f -> {
              try {
                return Files.getLastModifiedTime(Path.of(f));
              } catch (IOException e) {
                return null;
              }
            })
        .orElse(null);
  }

  public Envelope envelope() {
    Loaded now = loaded;
    return (now != null && System.nanoTime() - now.checkedAt() < RECHECK.toNanos()
            ? now
            : current())
        .envelope();
  }

  /** The envelope and its primary key's id from one reading of the keyset, for sealing a photo. */
  public record Sealing(Envelope envelope, String primaryKeyId) {}

  public Sealing sealing() {
    Loaded now = current();
    return new Sealing(now.envelope(), Envelope.primaryKeyId(now.keyset()));
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
