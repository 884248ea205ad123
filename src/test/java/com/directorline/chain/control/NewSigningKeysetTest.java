package com.directorline.chain.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances must share one checkpoint signing keyset, so it is created before their first
 * start by the verifier's jar: owner-only, never over an existing one, its public key printed.
 */
class NewSigningKeysetTest {

  @TempDir Path dir;

  @Test
  void aNewKeysetIsOwnerOnlySignsForThePrintedPublicKeyAndIsNeverOverwritten() throws Exception {
    Path file = dir.resolve("audit-signing-keyset.json");
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = VerifyCommand.run(new String[] {"--new-signing-keyset", file.toString()});
    } finally {
      System.setOut(out);
    }
    assertThat(status).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    var keyset = CheckpointKeys.parsePrivate(Files.readString(file));
    String pem = printed.toString(StandardCharsets.UTF_8);
    assertThat(pem)
        .startsWith("-----BEGIN PUBLIC KEY-----")
        .isEqualTo(CheckpointKeys.publicKeyPem(keyset));
    byte[] data = "checkpoint".getBytes(StandardCharsets.UTF_8);
    CheckpointKeys.verifier(pem).verify(CheckpointKeys.signer(keyset).sign(data), data);

    String before = Files.readString(file);
    assertThat(VerifyCommand.run(new String[] {"--new-signing-keyset", file.toString()}))
        .isEqualTo(2);
    assertThat(Files.readString(file)).isEqualTo(before);
  }
}
