package com.directorline.audit.control;

import com.directorline.platform.control.DataDirectory;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
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
 * The checkpoint signing keyset: {@code directorline.audit.signing-keyset} (Tink JSON, e.g. from
 * the environment) or {@code directorline.audit.signing-keyset-file}; when neither is set,
 * generated once into {@code <data-dir>/keys/} with a warning. Never in the database: whoever can
 * rewrite the database must not be able to sign.
 */
@ApplicationScoped
public class AuditKeys {

  private static final Logger LOG = Logger.getLogger(AuditKeys.class.getName());

  @Inject
  @ConfigProperty(name = "directorline.audit.signing-keyset")
  Optional<String> keysetJson;

  @Inject
  @ConfigProperty(name = "directorline.audit.signing-keyset-file")
  Optional<String> keysetFile;

  private volatile KeysetHandle keyset;

  KeysetHandle keyset() {
    KeysetHandle current = keyset;
    if (current == null) {
      synchronized (this) {
        current = keyset;
        if (current == null) {
          current = load();
          keyset = current;
        }
      }
    }
    return current;
  }

  private KeysetHandle load() {
    if (keysetJson.isPresent() && !keysetJson.get().isBlank()) {
      return CheckpointKeys.parsePrivate(keysetJson.get());
    }
    if (keysetFile.isPresent() && !keysetFile.get().isBlank()) {
      return CheckpointKeys.parsePrivate(read(Path.of(keysetFile.get())));
    }
    Path generated = DataDirectory.resolve().resolve("keys").resolve("audit-signing-keyset.json");
    if (Files.exists(generated)) {
      return CheckpointKeys.parsePrivate(read(generated));
    }
    KeysetHandle fresh = CheckpointKeys.generate();
    write(generated, CheckpointKeys.serializePrivate(fresh));
    LOG.warning(
        "generated a new audit checkpoint signing keyset in "
            + generated.getParent()
            + "; configure directorline.audit.signing-keyset-file for production and keep the"
            + " public key (GET /api/audit/public-key) apart from the database");
    return fresh;
  }

  public ChainSealer.Signer signer() {
    return new ChainSealer.Signer(CheckpointKeys.signer(keyset()), CheckpointKeys.keyId(keyset()));
  }

  public PublicKeyVerify verifier() {
    return CheckpointKeys.verifier(keyset());
  }

  public String keyId() {
    return CheckpointKeys.keyId(keyset());
  }

  public String publicKeysetJson() {
    return CheckpointKeys.publicKeysetJson(keyset());
  }

  public String publicKeyPem() {
    return CheckpointKeys.publicKeyPem(keyset());
  }

  private static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit signing keyset " + path, e);
    }
  }

  private static void write(Path path, String content) {
    try {
      Files.createDirectories(path.getParent());
      DataDirectory.ownerOnly(path.getParent());
      Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
      Files.writeString(temporary, content, StandardCharsets.UTF_8);
      DataDirectory.ownerOnly(temporary);
      Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit signing keyset to " + path, e);
    }
  }
}
