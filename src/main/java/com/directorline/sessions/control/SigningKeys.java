package com.directorline.sessions.control;

import com.directorline.platform.control.KeyFiles;
import com.directorline.platform.control.PemKeys;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The RS256 key pair that signs access tokens. Taken from {@code directorline.token.private-key}
 * (PEM text, e.g. from the environment) or {@code directorline.token.private-key-file}; when
 * neither is set, generated once into {@code <data-dir>/keys/} (owner-only) and reused, so tokens
 * survive a restart. Instances sharing a database must share the key.
 *
 * <p>A process-wide holder, not a CDI bean, because the MicroProfile JWT verifier reads the public
 * key through {@link TokenKeyConfigSource} while the application is still deploying.
 */
public final class SigningKeys {

  private static volatile SigningKeys current;

  private final KeyPair keyPair;
  private final String keyId;

  private SigningKeys(KeyPair keyPair) {
    this.keyPair = keyPair;
    this.keyId = thumbprint((RSAPublicKey) keyPair.getPublic());
  }

  public static SigningKeys get() {
    SigningKeys keys = current;
    if (keys == null) {
      synchronized (SigningKeys.class) {
        keys = current;
        if (keys == null) {
          keys = load(ConfigProvider.getConfig(SigningKeys.class.getClassLoader()));
          current = keys;
        }
      }
    }
    return keys;
  }

  static SigningKeys load(Config config) {
    return fromPem(
        KeyFiles.load(
            config.getOptionalValue("directorline.token.private-key", String.class),
            config.getOptionalValue("directorline.token.private-key-file", String.class),
            "token-signing-key.pem",
            () -> generate().privateKeyPem(),
            "token signing key",
            "configure directorline.token.private-key-file for production"));
  }

  static SigningKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new SigningKeys(generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  static SigningKeys fromPem(String pem) {
    RSAPrivateCrtKey privateKey = PemKeys.rsaPrivateKey(pem, "the token signing key");
    try {
      RSAPublicKey publicKey =
          (RSAPublicKey)
              KeyFactory.getInstance("RSA")
                  .generatePublic(
                      new RSAPublicKeySpec(
                          privateKey.getModulus(), privateKey.getPublicExponent()));
      return new SigningKeys(new KeyPair(publicKey, privateKey));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot derive the token signing key's public half", e);
    }
  }

  public RSAPrivateCrtKey privateKey() {
    return (RSAPrivateCrtKey) keyPair.getPrivate();
  }

  public RSAPublicKey publicKey() {
    return (RSAPublicKey) keyPair.getPublic();
  }

  /** The {@code kid} header of the tokens: a short SHA-256 thumbprint of the public key. */
  public String keyId() {
    return keyId;
  }

  public String publicKeyPem() {
    return pem("PUBLIC KEY", keyPair.getPublic().getEncoded());
  }

  String privateKeyPem() {
    return pem("PRIVATE KEY", keyPair.getPrivate().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  private static String thumbprint(RSAPublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
