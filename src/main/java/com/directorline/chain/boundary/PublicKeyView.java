package com.directorline.chain.boundary;

/**
 * The key that checks the checkpoints: as PEM (openssl, any Ed25519 library) and as a Tink public
 * keyset. Keep a copy apart from the database; the command-line verifier takes either form.
 */
public record PublicKeyView(String keyId, String algorithm, String pem, String tinkKeyset) {}
