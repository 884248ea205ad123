package com.directorline.chain.control;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies of the signed checkpoints outside the database: one line per checkpoint, appended to
 * {@code checkpoints.log} in a directory of their own and forced to disk. Whoever can rewrite the
 * database (the application's role included) can cut events off the end together with their
 * checkpoints, or rewrite events after the last checkpoint and recompute the hashes; the copies
 * outside keep the positions and hashes that were signed, so verification finds both. The directory
 * should be one the database's administrators cannot write (a separate volume, an append-only
 * mount, a log shipper's inbox).
 *
 * <p>Each line: {@code seq head_hash signed_at key_id signature}, the same fields the signature
 * covers, so a copy is as trustworthy as the checkpoint: a forged line fails its signature. Plain
 * Java, so the server and the command-line verifier read it alike.
 */
public final class CheckpointCopies {

  /** The file in the directory. */
  public static final String FILE = "checkpoints.log";

  private static final Pattern LINE =
      Pattern.compile("(\\d+) ([0-9a-f]{64}) (\\S+) (\\S+) ([A-Za-z0-9+/=]+)");

  private final Path directory;

  public CheckpointCopies(Path directory) {
    this.directory = directory;
  }

  public Path file() {
    return directory.resolve(FILE);
  }

  /** Every copy in the file, in file order; an unreadable line counts as a forged copy. */
  public List<ChainVerifier.SignedCheckpoint> read() throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(), StandardCharsets.US_ASCII);
    } catch (NoSuchFileException none) {
      return List.of();
    }
    List<ChainVerifier.SignedCheckpoint> copies = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      Matcher m = LINE.matcher(line.strip());
      if (!m.matches()) {
        throw new IOException("a line of " + file() + " is not a checkpoint copy");
      }
      copies.add(
          new ChainVerifier.SignedCheckpoint(
              Long.parseLong(m.group(1)), m.group(2), Instant.parse(m.group(3)), m.group(5)));
    }
    return copies;
  }

  /**
   * Appends the database's checkpoints above the newest copy and forces them to disk; returns how
   * many. Runs after the sealer's transaction committed, so only committed checkpoints are copied;
   * one missed by a crash is copied on the next run.
   */
  public int copyNew(Connection connection) throws SQLException, IOException {
    long newest = read().stream().mapToLong(ChainVerifier.SignedCheckpoint::seq).max().orElse(0);
    StringBuilder lines = new StringBuilder();
    int copied = 0;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT seq, head_hash, signed_at, key_id, signature FROM audit_checkpoint"
                + " WHERE seq > ? ORDER BY seq")) {
      select.setLong(1, newest);
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          lines
              .append(rs.getLong(1))
              .append(' ')
              .append(rs.getString(2).strip())
              .append(' ')
              .append(rs.getObject(3, OffsetDateTime.class).toInstant())
              .append(' ')
              .append(rs.getString(4).strip())
              .append(' ')
              .append(rs.getString(5).strip())
              .append('\n');
          copied++;
        }
      }
    }
    if (copied > 0) {
      Files.createDirectories(directory);
      try (FileChannel channel =
          FileChannel.open(
              file(),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND)) {
        ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
    }
    return copied;
  }
}
