package com.directorline.chain.control;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.PublicKeySign;
import com.google.crypto.tink.PublicKeyVerify;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.signature.Ed25519PublicKey;
import com.google.crypto.tink.signature.PredefinedSignatureParameters;
import com.google.crypto.tink.signature.SignatureConfig;
import com.google.crypto.tink.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys for the audit checkpoints, through Tink. The private keyset signs on the server; the
 * public keyset (or the PEM of its primary key) is what an auditor keeps apart from the database to
 * check that nobody rewrote the chain and signed it again. Raw output (no Tink prefix), so any
 * Ed25519 implementation can check a signature. Plain Java, so the command-line verifier uses it.
 */
public final class CheckpointKeys {

  /** X.509 SubjectPublicKeyInfo header for an Ed25519 key (RFC 8410). */
  private static final byte[] SPKI_ED25519 = HexFormat.of().parseHex("302a300506032b6570032100");

  static {
    try {
      SignatureConfig.register();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot register Tink signatures", e);
    }
  }

  private CheckpointKeys() {}

  public static KeysetHandle generate() {
    try {
      return KeysetHandle.generateNew(PredefinedSignatureParameters.ED25519WithRawOutput);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an Ed25519 keyset", e);
    }
  }

  /** A private keyset in Tink's JSON format, as kept in the file or the environment. */
  public static KeysetHandle parsePrivate(String json) {
    try {
      KeysetHandle handle =
          TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
      handle.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
      return handle;
    } catch (GeneralSecurityException | RuntimeException e) {
      // The message could quote key material: name the problem only.
      throw new IllegalStateException(
          "the audit signing keyset is not a Tink JSON keyset of Ed25519 private keys");
    }
  }

  public static String serializePrivate(KeysetHandle handle) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot serialise the audit signing keyset", e);
    }
  }

  /**
   * A verifier from what an auditor holds: a Tink public keyset (JSON) or the PEM of an Ed25519
   * public key.
   */
  public static PublicKeyVerify verifier(String publicKey) {
    try {
      KeysetHandle handle;
      if (publicKey.strip().startsWith("-----BEGIN PUBLIC KEY-----")) {
        handle = fromPem(publicKey);
      } else {
        handle = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(publicKey);
      }
      return handle.getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new IllegalArgumentException(
          "the public key is neither a Tink public keyset (JSON) nor an Ed25519 PEM public key");
    }
  }

  public static PublicKeyVerify verifier(KeysetHandle privateKeyset) {
    try {
      return privateKeyset
          .getPublicKeysetHandle()
          .getPrimitive(RegistryConfiguration.get(), PublicKeyVerify.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the checkpoint verifier", e);
    }
  }

  public static PublicKeySign signer(KeysetHandle privateKeyset) {
    try {
      return privateKeyset.getPrimitive(RegistryConfiguration.get(), PublicKeySign.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the checkpoint signer", e);
    }
  }

  /** The primary key's id as eight hex digits, stored with each checkpoint. */
  public static String keyId(KeysetHandle handle) {
    return String.format("%08x", handle.getPrimary().getId());
  }

  public static String publicKeysetJson(KeysetHandle privateKeyset) {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(
          privateKeyset.getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot export the public keyset", e);
    }
  }

  /** The primary public key as an X.509 PEM, for openssl and other Ed25519 tools. */
  public static String publicKeyPem(KeysetHandle privateKeyset) {
    try {
      Ed25519PublicKey key =
          (Ed25519PublicKey) privateKeyset.getPublicKeysetHandle().getPrimary().getKey();
      byte[] raw = key.getPublicKeyBytes().toByteArray();
      byte[] der = new byte[SPKI_ED25519.length + raw.length];
      System.arraycopy(SPKI_ED25519, 0, der, 0, SPKI_ED25519.length);
      System.arraycopy(raw, 0, der, SPKI_ED25519.length, raw.length);
      return "-----BEGIN PUBLIC KEY-----\n"
          + Base64.getEncoder().encodeToString(der)
          + "\n-----END PUBLIC KEY-----\n";
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalStateException("the audit signing key is not an Ed25519 key", e);
    }
  }

  private static KeysetHandle fromPem(String pem) throws GeneralSecurityException {
    String body =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII));
    if (der.length != SPKI_ED25519.length + 32) {
      throw new GeneralSecurityException("not an Ed25519 public key");
    }
    for (int i = 0; i < SPKI_ED25519.length; i++) {
      if (der[i] != SPKI_ED25519[i]) {
        throw new GeneralSecurityException("not an Ed25519 public key");
      }
    }
    byte[] raw = new byte[32];
    System.arraycopy(der, SPKI_ED25519.length, raw, 0, 32);
    Ed25519PublicKey key = Ed25519PublicKey.create(Bytes.copyFrom(raw));
    return KeysetHandle.newBuilder()
        .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
        .build();
  }
}
