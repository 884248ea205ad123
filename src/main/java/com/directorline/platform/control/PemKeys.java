package com.directorline.platform.control;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads RSA private keys in the PEM form {@code openssl genpkey} writes (unencrypted PKCS#8). */
public final class PemKeys {

  private PemKeys() {}

  /**
   * The key, or {@link IllegalStateException} naming {@code what} but never quoting the text: a
   * broken key in a log line is still a key.
   */
  public static RSAPrivateCrtKey rsaPrivateKey(String pem, String what) {
    String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
    try {
      return (RSAPrivateCrtKey)
          KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalStateException(
          what + " is not an unencrypted PKCS#8 RSA private key in PEM form");
    }
  }
}
