package com.directorline.chain.control;

import com.directorline.platform.control.KeyFiles;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeyVerify;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The checkpoint signing keyset: {@code directorline.audit.signing-keyset} (Tink JSON, e.g. from
 * the environment) or {@code directorline.audit.signing-keyset-file}; when neither is set,
 * generated once into {@code <data-dir>/keys/} with a warning. Never in the database: whoever can
 * rewrite the database must not be able to sign.
 */
@ApplicationScoped
public class AuditKeys {

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
    return CheckpointKeys.parsePrivate(
        KeyFiles.load(
            keysetJson,
            keysetFile,
            "audit-signing-keyset.json",
            () -> CheckpointKeys.serializePrivate(CheckpointKeys.generate()),
            "audit signing keyset",
            "configure directorline.audit.signing-keyset-file for production and keep the public"
                + " key (GET /api/audit/public-key) apart from the database"));
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
}
