package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.KeysetHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotation as an operator runs it, on the real migrations (embedded H2): add a key, promote it,
 * re-wrap the stored photos; afterwards the old key is not needed to read any photo.
 */
class PhotoKeysCommandTest {

  @TempDir Path dir;

  @Test
  void createWritesAnOwnerOnlyKeysetThatWrapsAndNeverOverwritesOne() throws Exception {
    Path file = dir.resolve("photo-master-keyset.json");
    assertThat(PhotoKeysCommand.run(new String[] {"create", "--keyset-file", file.toString()}))
        .isZero();
    assertThat(
            java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    KeysetHandle keyset = Envelope.parseMaster(Files.readString(file));
    byte[] plain = "photo".getBytes(StandardCharsets.UTF_8);
    byte[] ad = Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID());
    Envelope envelope = new Envelope(keyset);
    Envelope.Sealed sealed = envelope.seal(plain, ad);
    assertThat(envelope.open(sealed.wrappedKey(), sealed.ciphertext(), ad)).isEqualTo(plain);

    String before = Files.readString(file);
    assertThat(PhotoKeysCommand.run(new String[] {"create", "--keyset-file", file.toString()}))
        .isEqualTo(2);
    assertThat(Files.readString(file)).isEqualTo(before);
  }

  @Test
  void addPromoteAndRewrapLeavesEveryPhotoReadableUnderTheNewKeyAlone() throws Exception {
    String url =
        "jdbc:h2:mem:keys"
            + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration", "classpath:db/vendor/h2")
        .load()
        .migrate();
    KeysetHandle original = Envelope.newMasterKeyset();
    Path file = dir.resolve("photo-master-keyset.json");
    Files.writeString(file, Envelope.serializeMaster(original));

    record Stored(UUID photo, UUID emergency, byte[] plain) {}
    List<Stored> stored = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(url, "sa", "")) {
      db.createStatement().execute("SET REFERENTIAL_INTEGRITY FALSE");
      Envelope envelope = new Envelope(original);
      for (int i = 0; i < 3; i++) {
        Stored s =
            new Stored(
                UUID.randomUUID(),
                UUID.randomUUID(),
                TestImages.encode(TestImages.picture(8 + i, 8), "png"));
        Envelope.Sealed sealed =
            envelope.seal(s.plain(), Envelope.associatedData(s.photo(), s.emergency()));
        try (PreparedStatement photo =
                db.prepareStatement(
                    "INSERT INTO photo (id, emergency_id, clinic_id, patient_ref, uploaded_by,"
                        + " content_type, width, height, size_bytes, sha256, received_at,"
                        + " consent_basis) VALUES (?, ?, ?, 'MRN-1', ?, 'image/png', 8, 8, 1, ?, ?,"
                        + " 'PHOTO_CONSENT')");
            PreparedStatement content =
                db.prepareStatement(
                    "INSERT INTO photo_content (photo_id, master_key_id, wrapped_key, ciphertext)"
                        + " VALUES (?, ?, ?, ?)")) {
          photo.setObject(1, s.photo());
          photo.setObject(2, s.emergency());
          photo.setObject(3, UUID.randomUUID());
          photo.setObject(4, UUID.randomUUID());
          photo.setString(5, "0".repeat(64));
          photo.setObject(6, OffsetDateTime.now());
          photo.executeUpdate();
          content.setObject(1, s.photo());
          content.setString(2, Envelope.primaryKeyId(original));
          content.setBytes(3, sealed.wrappedKey());
          content.setBytes(4, sealed.ciphertext());
          content.executeUpdate();
        }
        stored.add(s);
      }
    }

    assertThat(PhotoKeysCommand.run(new String[] {"add-key", "--keyset-file", file.toString()}))
        .isZero();
    KeysetHandle twoKeys = Envelope.parseMaster(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(twoKeys.size()).isEqualTo(2);
    assertThat(Envelope.primaryKeyId(twoKeys))
        .as("not primary yet")
        .isEqualTo(Envelope.primaryKeyId(original));
    String added = Envelope.newestKeyId(twoKeys);

    assertThat(
            PhotoKeysCommand.run(
                new String[] {"promote-key", "--keyset-file", file.toString(), "--key-id", added}))
        .isZero();
    KeysetHandle promoted = Envelope.parseMaster(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(Envelope.primaryKeyId(promoted)).isEqualTo(added);

    String oldKey = Envelope.primaryKeyId(original);
    String[] removeOld = {
      "remove-key",
      "--keyset-file",
      file.toString(),
      "--key-id",
      oldKey,
      "--db-url",
      url,
      "--db-user",
      "sa"
    };
    assertThat(PhotoKeysCommand.run(removeOld))
        .as("the stored photos still need the old key")
        .isEqualTo(2);

    String[] rewrap = {
      "rewrap", "--keyset-file", file.toString(), "--db-url", url, "--db-user", "sa"
    };
    assertThat(PhotoKeysCommand.run(rewrap)).isZero();

    String[] removePrimary = removeOld.clone();
    removePrimary[4] = added;
    assertThat(PhotoKeysCommand.run(removePrimary)).as("the primary key stays").isEqualTo(2);
    assertThat(PhotoKeysCommand.run(removeOld)).as("no photo needs the old key now").isZero();
    KeysetHandle remaining = Envelope.parseMaster(Files.readString(file, StandardCharsets.UTF_8));
    assertThat(remaining.size()).isEqualTo(1);
    assertThat(Envelope.primaryKeyId(remaining)).isEqualTo(added);

    KeysetHandle newOnly =
        KeysetHandle.newBuilder()
            .addEntry(
                KeysetHandle.importKey(promoted.getPrimary().getKey())
                    .withFixedId(promoted.getPrimary().getId())
                    .makePrimary())
            .build();
    Envelope withNewKeyOnly = new Envelope(newOnly);
    try (Connection db = DriverManager.getConnection(url, "sa", "");
        PreparedStatement select =
            db.prepareStatement(
                "SELECT master_key_id, wrapped_key, ciphertext FROM photo_content WHERE photo_id = ?")) {
      for (Stored s : stored) {
        select.setObject(1, s.photo());
        try (ResultSet rs = select.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(added);
          assertThat(
                  withNewKeyOnly.open(
                      rs.getBytes(2),
                      rs.getBytes(3),
                      Envelope.associatedData(s.photo(), s.emergency())))
              .isEqualTo(s.plain());
        }
      }
    }
    assertThat(
            PhotoKeysCommand.run(
                new String[] {"promote-key", "--keyset-file", file.toString(), "--key-id", "zz"}))
        .as("a bad key id")
        .isEqualTo(2);
  }
}
