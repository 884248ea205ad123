package com.directorline.photos.control;

import com.directorline.platform.entity.PlainText;
import com.directorline.problems.entity.BadRequest;
import com.directorline.problems.entity.ContentTooLarge;
import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.UnsupportedMediaType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A photo's way in over HTTP, the same for an emergency's photo and a follow-up's: its headers
 * checked, its size refused before a byte is read when declared too large, room in memory taken
 * ({@link UploadAdmission}: 503 beyond), and the body read whole or refused.
 */
@ApplicationScoped
public class PhotoUploads {

  /** How far a phone's clock may run ahead of ours before its capture time counts as wrong. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The caption and capture time the phone sent with the photo, checked. */
  public record Described(String caption, Instant capturedAt) {}

  @Inject UploadAdmission admission;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.photos.max-bytes", defaultValue = "20971520")
  int maxBytes;

  /**
   * The X-Caption header and the X-Captured-At header (parsed by the boundary), or 400 naming the
   * wrong one.
   */
  public Described describe(String caption, Instant captured) {
    if (caption != null && caption.length() > 500) {
      throw InvalidInput.of("X-Caption", "must be at most 500 characters");
    }
    PlainText.require("X-Caption", caption);
    if (captured != null && captured.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw InvalidInput.of("X-Captured-At", "must not be in the future");
    }
    return new Described(caption, captured);
  }

  /** The declared Content-Length (-1 when absent or unreadable), or 413 when it is too large. */
  public long declared(String contentLength) {
    long declared =
        contentLength != null && contentLength.matches("\\d{1,18}")
            ? Long.parseLong(contentLength)
            : -1;
    if (declared > maxBytes) {
      throw tooLarge();
    }
    return declared;
  }

  /**
   * Reads the body with room admitted for it and hands the bytes to {@code store} while the room is
   * held; nothing is stored before the body arrived whole.
   */
  public <T> T receive(long declared, InputStream body, Function<byte[], T> store) {
    // Room in memory before the first byte is read: beyond it 503, never an exhausted heap.
    try (UploadAdmission.Ticket room = admission.admit(declared >= 0 ? declared : maxBytes)) {
      byte[] upload = read(body, declared);
      if (upload.length == 0) {
        throw new UnsupportedMediaType("not-an-image", "The body is empty; send the photo.");
      }
      return store.apply(upload);
    }
  }

  private ContentTooLarge tooLarge() {
    return new ContentTooLarge(
        "photo-too-large", "A photo may be at most " + (maxBytes / (1024 * 1024)) + " MB.");
  }

  /**
   * The whole body, or 413 as soon as it passes the limit. With a declared length the body is read
   * into one array of that size (no growing copies), and a body that ends early or runs on is
   * refused.
   */
  private byte[] read(InputStream in, long declared) {
    if (declared < 0) {
      return readAtMost(in, maxBytes);
    }
    try (in) {
      byte[] upload = in.readNBytes((int) declared);
      if (upload.length != declared || in.read() != -1) {
        // The connection dropped part-way, or the body is not what the header said.
        throw new UploadIncomplete();
      }
      return upload;
    } catch (IOException e) {
      throw new UploadIncomplete();
    }
  }

  private byte[] readAtMost(InputStream in, int max) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
      byte[] buffer = new byte[64 * 1024];
      int total = 0;
      for (int n; (n = in.read(buffer)) != -1; ) {
        total += n;
        if (total > max) {
          throw tooLarge();
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UploadIncomplete();
    }
  }

  /** 400: the body ended early (a dropped connection); nothing was stored. */
  static final class UploadIncomplete extends BadRequest {
    UploadIncomplete() {
      super("upload-incomplete", "The photo did not arrive whole; send it again.");
    }
  }
}
