package com.directorline.photos.control;

import com.directorline.platform.control.DataDirectory;
import com.directorline.platform.control.Workers;
import com.directorline.platform.entity.PlainText;
import com.directorline.problems.entity.BadRequest;
import com.directorline.problems.entity.ContentTooLarge;
import com.directorline.problems.entity.InvalidInput;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A photo's way in over HTTP, the same for an emergency's photo and a follow-up's: its headers
 * checked, its size refused before a byte is read when declared too large, room in memory taken
 * ({@link UploadAdmission}: 503 beyond), and the body streamed in one pass through cleaning ({@link
 * ImageSanitizer}), SHA-256 and encryption ({@link Envelope}) into a spool file, in a fixed amount
 * of memory whatever the photo's size. Storing it is then a short transaction that copies the
 * spooled ciphertext into the database: a slow phone holds no database connection while its photo
 * arrives. The spool file holds only ciphertext under a data key that exists nowhere but in memory
 * until the photo is stored; it is deleted either way, and leftovers of a crash are deleted at the
 * next start.
 */
@ApplicationScoped
public class PhotoUploads {

  private static final Logger LOG = Logger.getLogger(PhotoUploads.class.getName());

  /** How far a phone's clock may run ahead of ours before its capture time counts as wrong. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /** The caption and capture time the phone sent with the photo, checked. */
  public record Described(String caption, Instant capturedAt) {}

  /**
   * A photo received whole, cleaned and encrypted into {@code ciphertext} (a spool file), waiting
   * to be stored; it names its emergency because its encryption is bound to it.
   */
  public record Received(
      UUID id,
      UUID emergencyId,
      ImageSanitizer.Cleaned image,
      long sizeBytes,
      String sha256,
      String masterKeyId,
      byte[] wrappedKey,
      Path ciphertext) {}

  @Inject UploadAdmission admission;
  @Inject PhotoKeys keys;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "directorline.photos.max-bytes", defaultValue = "20971520")
  int maxBytes;

  @Inject
  @ConfigProperty(name = "directorline.photos.max-pixels", defaultValue = "25000000")
  long maxPixels;

  /** Turning a photo upright decodes it: one at a time, so a burst cannot exhaust the heap. */
  private final Semaphore decoding = new Semaphore(1);

  private Path spool;

  /** Where uploads are hashed beside their cleaning and encryption: a thread per core. */
  private ExecutorService hashing;

  @Inject Workers workers;

  @PostConstruct
  void spool() {
    hashing = workers.dedicated(Runtime.getRuntime().availableProcessors());
    spool = DataDirectory.resolve().resolve("uploads");
    try {
      Files.createDirectories(spool);
      DataDirectory.ownerOnly(spool);
      // Leftovers of a process that died mid-upload: ciphertext whose key died with it.
      Instant stale = Instant.now().minus(Duration.ofHours(1));
      try (DirectoryStream<Path> files = Files.newDirectoryStream(spool, "photo-*.sealed")) {
        for (Path file : files) {
          if (Files.getLastModifiedTime(file).toInstant().isBefore(stale)) {
            Files.deleteIfExists(file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare the photo spool directory " + spool, e);
    }
  }

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
   * Receives the body for the emergency {@code emergencyId} and hands the received photo to {@code
   * store}, which stores it in a transaction of its own; nothing is stored before the body arrived
   * whole and clean.
   */
  public <T> T receive(
      long declared, InputStream body, UUID emergencyId, Function<Received, T> store) {
    // Room in memory before the first byte is read: beyond it 503, never an exhausted heap.
    try (UploadAdmission.Ticket room = admission.admitStream(declared >= 0 ? declared : maxBytes)) {
      Path file = Files.createTempFile(spool, "photo-", ".sealed");
      try {
        Received received = seal(declared, body, emergencyId, file);
        room.bodyRead();
        try (UploadAdmission.Ticket storing = admission.admitStoring(received.sizeBytes())) {
          return store.apply(received);
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.warning(() -> "photo spool failed: " + e.getClass().getName());
      throw new UncheckedIOException("cannot spool the photo", e);
    }
  }

  /** One pass: the body, limited and counted, through the cleaner, the digest and the cipher. */
  private Received seal(long declared, InputStream body, UUID emergencyId, Path file)
      throws IOException {
    UUID id = UUID.randomUUID();
    // One reading of the keyset for the key and its id: it may be read again between two calls.
    PhotoKeys.Sealing sealing = keys.sealing();
    Envelope.Sealer sealer = sealing.envelope().sealer(Envelope.associatedData(id, emergencyId));
    Pass pass;
    try (InputStream in = new Limited(body, declared, maxBytes, this::tooLarge);
        OutputStream spooled = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
      pass = pass(in, new ImageSanitizer(maxPixels), turning(declared), sealer, spooled, hashing);
    }
    return new Received(
        id,
        emergencyId,
        pass.image(),
        pass.sizeBytes(),
        pass.sha256(),
        sealing.primaryKeyId(),
        sealer.wrappedKey(),
        file);
  }

  /** What one pass over a photo found: the cleaned image, its length and its SHA-256. */
  record Pass(ImageSanitizer.Cleaned image, long sizeBytes, String sha256) {}

  /**
   * The pass itself, plain Java (the benchmark runs exactly this): cleaned bytes go through the
   * digest into the cipher, whose ciphertext goes into {@code ciphertext}, closed at the end.
   */
  static Pass pass(
      InputStream in,
      ImageSanitizer sanitizer,
      ImageSanitizer.Turning turning,
      Envelope.Sealer sealer,
      OutputStream ciphertext,
      Executor hashing)
      throws IOException {
    ImageSanitizer.Cleaned image;
    try (ParallelDigest digest = new ParallelDigest(hashing)) {
      try (OutputStream encrypting = sealer.encrypting(ciphertext)) {
        image = sanitizer.clean(in, new Tee(digest, encrypting), turning);
      }
      return new Pass(image, digest.count(), digest.sha256());
    }
  }

  /** A photo that is not upright is held whole and decoded: room for it, and one at a time. */
  private ImageSanitizer.Turning turning(long declared) {
    return new ImageSanitizer.Turning() {
      @Override
      public AutoCloseable room() {
        return admission.admit(declared >= 0 ? declared : maxBytes);
      }

      @Override
      public byte[] turn(Supplier<byte[]> reencoding) {
        decoding.acquireUninterruptibly();
        try {
          return reencoding.get();
        } finally {
          decoding.release();
        }
      }
    };
  }

  private ContentTooLarge tooLarge() {
    return new ContentTooLarge(
        "photo-too-large", "A photo may be at most " + (maxBytes / (1024 * 1024)) + " MB.");
  }

  /** The cleaned bytes, to the hash and to the cipher. */
  private static final class Tee extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    Tee(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }
  }

  /**
   * The body as it arrives: 413 as soon as it passes the limit; with a declared length, 400 when it
   * ends early or runs on (the connection dropped part-way, or the header lied).
   */
  private static final class Limited extends InputStream {
    private final InputStream in;
    private final long declared;
    private final long max;
    private final Supplier<ContentTooLarge> tooLarge;
    private long read;

    Limited(InputStream in, long declared, long max, Supplier<ContentTooLarge> tooLarge) {
      this.in = in;
      this.declared = declared;
      this.max = max;
      this.tooLarge = tooLarge;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      int n;
      try {
        n = in.read(b, off, len);
      } catch (IOException e) {
        throw new UploadIncomplete(); // the connection dropped part-way
      }
      if (n < 0) {
        if (declared >= 0 && read != declared) {
          throw new UploadIncomplete();
        }
        return -1;
      }
      read += n;
      if (read > max) {
        throw tooLarge.get();
      }
      if (declared >= 0 && read > declared) {
        throw new UploadIncomplete();
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** 400: the body ended early (a dropped connection); nothing was stored. */
  static final class UploadIncomplete extends BadRequest {
    UploadIncomplete() {
      super("upload-incomplete", "The photo did not arrive whole; send it again.");
    }
  }
}
