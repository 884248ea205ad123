package com.directorline.sessions.control;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands the MicroProfile JWT verifier the public half of {@link SigningKeys} and our issuer, so the
 * verifier and the signer can never disagree, even when the key was generated at first start.
 */
public class TokenKeyConfigSource implements ConfigSource {

  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";
  static final String ISSUER = "mp.jwt.verify.issuer";
  public static final String ISSUER_VALUE = "directorline";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY, ISSUER);
  }

  @Override
  public Map<String, String> getProperties() {
    // Listing the properties must not generate a key; only reading the value does.
    return Map.of(ISSUER, ISSUER_VALUE);
  }

  @Override
  public String getValue(String propertyName) {
    if (PUBLIC_KEY.equals(propertyName)) {
      return SigningKeys.get().publicKeyPem();
    }
    if (ISSUER.equals(propertyName)) {
      return ISSUER_VALUE;
    }
    return null;
  }

  @Override
  public String getName() {
    return "directorline-token-keys";
  }

  @Override
  public int getOrdinal() {
    return 500;
  }
}
