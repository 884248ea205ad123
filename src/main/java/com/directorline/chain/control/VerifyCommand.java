package com.directorline.chain.control;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies the audit chain from the command line, straight against the database and with a public
 * key the auditor holds, without the server:
 *
 * <pre>
 * java -jar target/directorline-audit-verify.jar --db-url jdbc:postgresql://host/db \
 *     --db-user auditor --public-key audit-public-key.pem \
 *     --checkpoint-copies /var/lib/directorline/audit-checkpoints
 * </pre>
 *
 * The password comes from {@code DB_PASSWORD} in the environment, never from the command line
 * (other users can read a process's arguments). Exit status 0 for OK, 1 for BROKEN, 2 when it could
 * not verify.
 */
public final class VerifyCommand {

  private VerifyCommand() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Writes a new checkpoint signing keyset for the servers (owner-only; an existing file is never
   * overwritten) and prints its public key for the compliance officer: the way to create one before
   * the first start of several instances, which must share it.
   */
  static int newSigningKeyset(Path file) {
    KeysetHandle keyset = CheckpointKeys.generate();
    try {
      Files.writeString(
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
          CheckpointKeys.serializePrivate(keyset),
          StandardCharsets.UTF_8);
    } catch (FileAlreadyExistsException e) {
      System.err.println(file + " exists; not overwritten");
      return 2;
    } catch (IOException e) {
      System.err.println("cannot write " + file);
      return 2;
    }
    System.out.print(CheckpointKeys.publicKeyPem(keyset));
    return 0;
  }

  static int run(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    if (options.containsKey("--new-signing-keyset") && args.length == 2) {
      return newSigningKeyset(Path.of(options.get("--new-signing-keyset")));
    }
    String url = options.get("--db-url");
    String keyFile = options.get("--public-key");
    if (url == null || keyFile == null || args.length % 2 != 0) {
      System.err.println(
          "usage: --db-url <jdbc url> [--db-user <user>] --public-key <PEM or Tink public keyset"
              + " file> [--checkpoint-copies <directory>] [--threads <n>]   (password from"
              + " DB_PASSWORD)\n       --new-signing-keyset <file>   (a keyset for the servers'"
              + " DIRECTORLINE_AUDIT_SIGNING_KEYSET_FILE)");
      return 2;
    }
    String password = System.getenv().getOrDefault("DB_PASSWORD", "");
    String user = options.getOrDefault("--db-user", "");
    try {
      int threads =
          Integer.parseInt(
              options.getOrDefault(
                  "--threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
      String key = Files.readString(Path.of(keyFile), StandardCharsets.UTF_8);
      String copiesDir = options.get("--checkpoint-copies");
      List<ChainVerifier.SignedCheckpoint> copies =
          copiesDir == null ? List.of() : new CheckpointCopies(Path.of(copiesDir)).read();
      long started = System.nanoTime();
      ChainVerifier.Report report =
          new ChainVerifier(CheckpointKeys.verifier(key), copies)
              .verify(() -> DriverManager.getConnection(url, user, password), threads);
      double seconds = (System.nanoTime() - started) / 1e9;
      if (report.intact()) {
        System.out.printf(
            "OK: %d events, %d checkpoints verified in %.2f s%s%n",
            report.events(),
            report.checkpoints(),
            seconds,
            copiesDir == null ? "" : ", held to " + copies.size() + " copies outside");
        return 0;
      }
      System.out.printf(
          "BROKEN at sequence %d: %s (%d events and %d checkpoints verified before it)%n",
          report.firstBrokenSeq(), report.problem(), report.events(), report.checkpoints());
      return 1;
    } catch (SQLException e) {
      System.err.println("cannot read the database: SQL state " + e.getSQLState());
      return 2;
    } catch (IOException e) {
      System.err.println("cannot read the public key file or the checkpoint copies");
      return 2;
    } catch (NumberFormatException e) {
      System.err.println("--threads must be a whole number");
      return 2;
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
  }
}
