package com.directorline.photos.control;

import com.directorline.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A streamed photo's ciphertext in the database, in chunks of {@link #CHUNK} bytes: written one
 * chunk at a time inside the storing transaction (JDBC on the transaction's own connection, so the
 * chunks commit or roll back with the photo's rows), read one chunk at a time, each read a query of
 * its own, so neither end ever holds more than a chunk. Chunks are never changed: the next query
 * reads what the one before left.
 */
@ApplicationScoped
public class PhotoChunks {

  /** 1 MiB: large enough that a 20 MB photo is twenty statements, small enough to hold. */
  static final int CHUNK = 1024 * 1024;

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  /**
   * Writes the spooled ciphertext as the photo's chunks, in the caller's transaction; the photo's
   * content row must have been flushed before (the chunks reference it).
   */
  public void write(UUID photoId, Path ciphertext) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO photo_chunk (photo_id, seq, bytes) VALUES (?, ?, ?)");
        InputStream in = Files.newInputStream(ciphertext)) {
      byte[] chunk = new byte[CHUNK];
      int seq = 0;
      for (int n; (n = in.readNBytes(chunk, 0, CHUNK)) > 0; seq++) {
        insert.setObject(1, photoId);
        insert.setInt(2, seq);
        insert.setBytes(3, n == CHUNK ? chunk : Arrays.copyOf(chunk, n));
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot store the photo's chunks", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The photo's ciphertext as a stream that fetches the next chunk when the last is read. */
  public InputStream read(UUID photoId) {
    return new InputStream() {
      private byte[] chunk = new byte[0];
      private int position;
      private int next;
      private boolean ended;

      private boolean more() throws IOException {
        while (position == chunk.length) {
          if (ended) {
            return false;
          }
          byte[] fetched = fetch(photoId, next++);
          if (fetched == null) {
            ended = true;
            return false;
          }
          chunk = fetched;
          position = 0;
        }
        return true;
      }

      @Override
      public int read() throws IOException {
        return more() ? chunk[position++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (!more()) {
          return -1;
        }
        int take = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, take);
        position += take;
        return take;
      }
    };
  }

  private byte[] fetch(UUID photoId, int seq) throws IOException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT bytes FROM photo_chunk WHERE photo_id = ? AND seq = ?")) {
      select.setObject(1, photoId);
      select.setInt(2, seq);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getBytes(1) : null;
      }
    } catch (SQLException e) {
      throw new IOException("cannot read the photo's chunk " + seq, e);
    }
  }
}
