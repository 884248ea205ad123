package com.directorline.photos.control;

import com.google.crypto.tink.KeysetHandle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Rotates the photo master key without downtime (docs/operations.md):
 *
 * <pre>
 * java -jar target/directorline-photo-keys.jar create --keyset-file keys.json   (once, before the first start)
 * java -jar target/directorline-photo-keys.jar add-key --keyset-file keys.json
 * (restart the instances one by one: they can now read photos under either key)
 * java -jar target/directorline-photo-keys.jar promote-key --keyset-file keys.json --key-id 1a2b3c4d
 * (restart them again: new photos are wrapped under the new key)
 * DB_PASSWORD=... java -jar target/directorline-photo-keys.jar rewrap --keyset-file keys.json \
 *     --db-url jdbc:postgresql://db/directorline --db-user directorline
 * DB_PASSWORD=... java -jar target/directorline-photo-keys.jar remove-key --keyset-file keys.json \
 *     --key-id 0a0b0c0d --db-url jdbc:postgresql://db/directorline --db-user directorline
 * </pre>
 *
 * <p>The servers read a keyset file again when it changes (within a few seconds), so no step needs
 * a restart. {@code remove-key} refuses the primary key and a key any stored photo still needs.
 *
 * <p>{@code rewrap} re-wraps every data key not yet under the primary key; the photos' ciphertext
 * is not touched, so it is quick and can run while the servers serve. Exit status 0 on success, 2
 * on bad usage or failure.
 */
public final class PhotoKeysCommand {

  private PhotoKeysCommand() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length < 1) {
      return usage();
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    String file = options.get("--keyset-file");
    if (file == null || args.length % 2 != 1) {
      return usage();
    }
    Path keysetFile = Path.of(file);
    if (args[0].equals("create") && args.length == 3) {
      return create(keysetFile);
    }
    try {
      KeysetHandle keyset =
          Envelope.parseMaster(Files.readString(keysetFile, StandardCharsets.UTF_8));
      switch (args[0]) {
        case "add-key" -> {
          KeysetHandle added = Envelope.withNewKey(keyset);
          write(keysetFile, Envelope.serializeMaster(added));
          System.out.println("added key " + Envelope.newestKeyId(added) + " (not primary yet)");
          return 0;
        }
        case "promote-key" -> {
          String id = options.get("--key-id");
          if (id == null) {
            return usage();
          }
          write(keysetFile, Envelope.serializeMaster(Envelope.promoted(keyset, id)));
          System.out.println("key " + id + " is now the primary key");
          return 0;
        }
        case "rewrap" -> {
          String url = options.get("--db-url");
          if (url == null) {
            return usage();
          }
          String password = System.getenv().getOrDefault("DB_PASSWORD", "");
          try (Connection connection =
              DriverManager.getConnection(url, options.getOrDefault("--db-user", ""), password)) {
            int done = rewrap(connection, keyset);
            System.out.println(
                "re-wrapped " + done + " photo keys under key " + Envelope.primaryKeyId(keyset));
            return 0;
          }
        }
        case "remove-key" -> {
          String id = options.get("--key-id");
          String url = options.get("--db-url");
          if (id == null || url == null) {
            return usage();
          }
          String password = System.getenv().getOrDefault("DB_PASSWORD", "");
          try (Connection connection =
              DriverManager.getConnection(url, options.getOrDefault("--db-user", ""), password)) {
            long needing = photosUnder(connection, id);
            if (needing > 0) {
              System.err.println(
                  needing + " stored photos are still wrapped under key " + id + "; run rewrap");
              return 2;
            }
          }
          write(keysetFile, Envelope.serializeMaster(Envelope.withoutKey(keyset, id)));
          System.out.println("key " + id + " removed; no stored photo needs it");
          return 0;
        }
        default -> {
          return usage();
        }
      }
    } catch (IOException e) {
      System.err.println("cannot read or write the keyset file " + keysetFile);
    } catch (SQLException e) {
      System.err.println("database failure: SQL state " + e.getSQLState());
    } catch (GeneralSecurityException e) {
      System.err.println(
          "a photo key does not open with this keyset: " + e.getClass().getSimpleName());
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println(e.getMessage());
    }
    return 2;
  }

  static long photosUnder(Connection connection, String keyId) throws SQLException {
    try (PreparedStatement count =
        connection.prepareStatement("SELECT COUNT(*) FROM photo_content WHERE master_key_id = ?")) {
      count.setString(1, keyId);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Re-wraps, 200 at a time, every data key not under the keyset's primary key. */
  static int rewrap(Connection connection, KeysetHandle keyset)
      throws SQLException, GeneralSecurityException {
    Envelope envelope = new Envelope(keyset);
    String primary = Envelope.primaryKeyId(keyset);
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    int done = 0;
    try {
      while (true) {
        record Row(UUID photo, UUID emergency, byte[] wrapped) {}
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select =
            connection.prepareStatement(
                "SELECT c.photo_id, p.emergency_id, c.wrapped_key FROM photo_content c"
                    + " JOIN photo p ON p.id = c.photo_id WHERE c.master_key_id <> ?"
                    + " ORDER BY c.photo_id")) {
          select.setString(1, primary);
          select.setMaxRows(200);
          try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
              rows.add(
                  new Row(
                      UUID.fromString(rs.getString(1)),
                      UUID.fromString(rs.getString(2)),
                      rs.getBytes(3)));
            }
          }
        }
        if (rows.isEmpty()) {
          return done;
        }
        try (PreparedStatement update =
            connection.prepareStatement(
                "UPDATE photo_content SET wrapped_key = ?, master_key_id = ? WHERE photo_id = ?")) {
          for (Row row : rows) {
            update.setBytes(
                1,
                envelope.rewrap(
                    row.wrapped(), Envelope.associatedData(row.photo(), row.emergency())));
            update.setString(2, primary);
            update.setObject(3, row.photo());
            update.addBatch();
          }
          update.executeBatch();
        }
        connection.commit();
        done += rows.size();
      }
    } catch (SQLException | GeneralSecurityException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static void write(Path path, String content) throws IOException {
    Path temporary = path.resolveSibling(path.getFileName() + ".tmp");
    Files.writeString(temporary, content, StandardCharsets.UTF_8);
    Files.move(
        temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /**
   * A new master keyset (owner-only; an existing file is never overwritten): the way to create the
   * one that several instances share, kept apart from the database.
   */
  private static int create(Path keysetFile) {
    try {
      Files.writeString(
          Files.createFile(
              keysetFile,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
          Envelope.serializeMaster(Envelope.newMasterKeyset()),
          StandardCharsets.UTF_8);
      System.out.println("created " + keysetFile);
      return 0;
    } catch (FileAlreadyExistsException e) {
      System.err.println(keysetFile + " exists; not overwritten");
    } catch (IOException e) {
      System.err.println("cannot write the keyset file " + keysetFile);
    }
    return 2;
  }

  private static int usage() {
    System.err.println(
        "usage: create --keyset-file <file>\n"
            + "       add-key --keyset-file <file>\n"
            + "       promote-key --keyset-file <file> --key-id <8 hex digits>\n"
            + "       rewrap --keyset-file <file> --db-url <jdbc url> [--db-user <user>]\n"
            + "       remove-key --keyset-file <file> --key-id <8 hex digits> --db-url <jdbc url>"
            + " [--db-user <user>]   (password from DB_PASSWORD)");
    return 2;
  }
}
