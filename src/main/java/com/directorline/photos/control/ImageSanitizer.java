package com.directorline.photos.control;

import com.directorline.problems.entity.UnprocessableContent;
import com.directorline.problems.entity.UnsupportedMediaType;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Supplier;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Makes an uploaded photo safe to keep: JPEG or PNG recognised by content, dimensions checked
 * before any pixel is decoded, every metadata segment dropped (EXIF with its GPS position, XMP,
 * IPTC, comments, text chunks, thumbnails), nothing after the image's end accepted.
 *
 * <p>Kept: what a browser needs to draw the picture right (the JPEG tables and scans, an ICC colour
 * profile, Adobe colour transform; PNG's critical chunks, transparency, gamma and colour space).
 * The EXIF orientation goes with the EXIF; a photo that was not upright is turned by re-encoding
 * its pixels, so it still shows the right way up. Upright photos are not re-encoded: their bytes
 * are the original's minus the metadata. Plain Java, no container.
 */
public final class ImageSanitizer {

  /** The two formats every browser shows. */
  public enum Format {
    JPEG("image/jpeg"),
    PNG("image/png");

    private final String mediaType;

    Format(String mediaType) {
      this.mediaType = mediaType;
    }

    public String mediaType() {
      return mediaType;
    }
  }

  /** The cleaned image, as bytes. */
  public record Clean(Format format, byte[] bytes, int width, int height, boolean reencoded) {}

  /** What cleaning found: the format and the dimensions as shown, and whether it was turned. */
  public record Cleaned(Format format, int width, int height, boolean reencoded) {}

  /** 415: not a JPEG or PNG (HEIC gets advice on sending JPEG instead). */
  public static final class NotAPhoto extends UnsupportedMediaType {
    NotAPhoto(String slug, String message) {
      super(slug, message);
    }
  }

  /** 422: a JPEG or PNG that cannot be taken: damaged, too many pixels, or a polyglot. */
  public static final class UnusablePhoto extends UnprocessableContent {
    UnusablePhoto(String slug, String message) {
      super(slug, message);
    }
  }

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
  private static final Set<String> HEIF_BRANDS =
      Set.of("heic", "heix", "hevc", "hevx", "heim", "heis", "hevm", "hevs", "mif1", "msf1");
  private static final Set<String> PNG_KEPT =
      Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT");

  private final long maxPixels;

  public ImageSanitizer(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /** A cleaned image as bytes: {@link #sanitize(byte[])}, for tests and small images. */
  public Clean sanitize(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    Cleaned cleaned = clean(new ByteArrayInputStream(in), out);
    return new Clean(
        cleaned.format(),
        out.toByteArray(),
        cleaned.width(),
        cleaned.height(),
        cleaned.reencoded());
  }

  /**
   * Cleans the image read from {@code in} into {@code out} as it flows, in a segment's worth of
   * memory: the photo is never held whole unless it has to be turned. Whether it has to is known
   * before its first pixel data (JPEG puts its EXIF before the first scan, PNG its eXIf before the
   * first IDAT); from then on an upright photo streams, and one that is not is collected whole and
   * handed to {@code turning}. A failure of {@code in} (a dropped connection) is an {@link
   * java.io.UncheckedIOException}; {@code in} is read to its end.
   */
  public Cleaned clean(InputStream in, OutputStream out) {
    return clean(in, out, Turning.DIRECT);
  }

  /** As {@link #clean(InputStream, OutputStream)}, turning photos through {@code turning}. */
  public Cleaned clean(InputStream in, OutputStream out, Turning turning) {
    Source source = new Source(in);
    byte[] head = source.peek(12);
    if (head.length == 0) {
      throw new NotAPhoto("not-an-image", "The body is empty; send the photo.");
    }
    try {
      if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
        return jpeg(source, out, turning);
      }
      if (startsWith(head, PNG_SIGNATURE)) {
        return png(source, out, turning);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (head.length >= 12
        && new String(head, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
        && HEIF_BRANDS.contains(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
      throw new NotAPhoto(
          "heic-not-accepted",
          "This is a HEIC photo, which not every browser can show. Send it as JPEG: on an iPhone,"
              + " choose Settings > Camera > Formats > Most Compatible, or upload from the browser,"
              + " which converts it.");
    }
    throw new NotAPhoto(
        "not-an-image", "Only JPEG and PNG photos are accepted, recognised by their content.");
  }

  /**
   * Where a photo that is not upright is turned. Re-encoding decodes every pixel, far more memory
   * than the photo's size: the server runs it one at a time, with room admitted for it.
   */
  public interface Turning {
    /** Room to hold the whole cleaned photo, taken before it is collected; closed afterwards. */
    AutoCloseable room();

    /** Runs the re-encoding. */
    byte[] turn(Supplier<byte[]> reencoding);

    Turning DIRECT =
        new Turning() {
          @Override
          public AutoCloseable room() {
            return () -> {};
          }

          @Override
          public byte[] turn(Supplier<byte[]> reencoding) {
            return reencoding.get();
          }
        };
  }

  /**
   * Where the cleaned bytes go: collected in {@code head} until the orientation is known (at the
   * first pixel data), then straight to the output when upright, or on into {@code head} when the
   * photo must be turned.
   */
  private static final class Target {
    private final OutputStream out;
    private final Turning turning;
    private ByteArrayOutputStream head = new ByteArrayOutputStream(64 * 1024);
    private OutputStream now = head;
    private AutoCloseable room;
    private boolean decided;
    int orientation = 1;

    Target(OutputStream out, Turning turning) {
      this.out = out;
      this.turning = turning;
    }

    OutputStream now() {
      return now;
    }

    boolean decided() {
      return decided;
    }

    /** The first pixel data: from here the photo streams, or is collected to be turned. */
    void pixels() throws IOException {
      if (decided) {
        return;
      }
      decided = true;
      if (orientation == 1) {
        head.writeTo(out);
        head = null;
        now = out;
      } else {
        room = turning.room();
      }
    }

    /** The cleaned image written out, turned if it had to be. */
    Cleaned finish(Format format, int width, int height) throws IOException {
      pixels();
      if (orientation == 1) {
        return new Cleaned(format, width, height, false);
      }
      try (AutoCloseable held = room) {
        byte[] clean = head.toByteArray();
        head = null;
        out.write(turning.turn(() -> turned(clean, orientation, format)));
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      boolean sideways = orientation >= 5;
      return new Cleaned(format, sideways ? height : width, sideways ? width : height, true);
    }
  }

  // --- JPEG ----------------------------------------------------------------------------------

  private Cleaned jpeg(Source in, OutputStream sink, Turning turning) throws IOException {
    Target target = new Target(sink, turning);
    in.skip(2);
    target.now().write(new byte[] {(byte) 0xFF, (byte) 0xD8});
    int width = -1;
    int height = -1;
    while (true) {
      if (in.next() != 0xFF) {
        throw broken();
      }
      int marker = in.next();
      while (marker == 0xFF) {
        marker = in.next(); // fill bytes
      }
      if (marker == 0xD9) { // EOI
        target.now().write(new byte[] {(byte) 0xFF, (byte) 0xD9});
        break;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        target.now().write(new byte[] {(byte) 0xFF, (byte) marker});
        continue;
      }
      int length = (in.next() << 8) | in.next();
      if (length < 2) {
        throw broken();
      }
      // A segment is at most 64 KiB: read whole.
      byte[] segment = in.read(length - 2);
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        if (segment.length < 5) {
          throw broken();
        }
        height = ((segment[1] & 0xFF) << 8) | (segment[2] & 0xFF);
        width = ((segment[3] & 0xFF) << 8) | (segment[4] & 0xFF);
        checkPixels(width, height);
      }
      if (marker == 0xE1 && !target.decided() && isExif(segment)) {
        target.orientation = exifOrientation(segment, 6, segment.length);
      }
      if (marker == 0xDA) { // SOS: the orientation is known by now
        if (width <= 0) {
          throw broken();
        }
        target.pixels();
      }
      if (keepJpegSegment(marker, segment)) {
        OutputStream out = target.now();
        out.write(new byte[] {(byte) 0xFF, (byte) marker, (byte) (length >> 8), (byte) length});
        out.write(segment);
      }
      if (marker == 0xDA) {
        in.copyEntropyCoded(target.now());
      }
    }
    if (width <= 0 || height <= 0) {
      throw broken();
    }
    in.requireNothingAfter();
    return target.finish(Format.JPEG, width, height);
  }

  private static boolean keepJpegSegment(int marker, byte[] segment) {
    if (marker == 0xE2) { // APP2: only an ICC colour profile
      return startsWithAt(segment, 0, segment.length, "ICC_PROFILE\0");
    }
    if (marker == 0xEE) { // APP14 Adobe: how to read the colour channels
      return startsWithAt(segment, 0, segment.length, "Adobe");
    }
    if (marker >= 0xE0 && marker <= 0xEF) {
      return false; // JFIF thumbnails, EXIF, XMP, IPTC and everything else applications add
    }
    return marker != 0xFE; // comments
  }

  private static boolean isExif(byte[] segment) {
    return startsWithAt(segment, 0, segment.length, "Exif\0\0");
  }

  /** The Orientation tag (0x0112) of IFD0, or 1 when absent or unreadable. */
  static int exifOrientation(byte[] in, int tiff, int end) {
    try {
      if (tiff + 8 > end) {
        return 1;
      }
      boolean little = in[tiff] == 'I' && in[tiff + 1] == 'I';
      long offset = u32(in, tiff + 4, little);
      if (offset > end) {
        return 1;
      }
      int ifd = tiff + (int) offset;
      if (ifd < tiff || ifd + 2 > end) {
        return 1;
      }
      int count = u16(in, ifd, little);
      for (int e = 0; e < count; e++) {
        int entry = ifd + 2 + e * 12;
        if (entry + 12 > end) {
          return 1;
        }
        if (u16(in, entry, little) == 0x0112) {
          int value = u16(in, entry + 8, little);
          return value >= 1 && value <= 8 ? value : 1;
        }
      }
    } catch (RuntimeException e) {
      // A malformed EXIF block: drop it and assume upright.
    }
    return 1;
  }

  // --- PNG -----------------------------------------------------------------------------------

  /** The largest eXIf chunk read for its orientation; a larger one is dropped unread. */
  private static final int MAX_EXIF = 256 * 1024;

  private Cleaned png(Source in, OutputStream sink, Turning turning) throws IOException {
    Target target = new Target(sink, turning);
    target.now().write(in.read(8));
    int width = -1;
    int height = -1;
    while (true) {
      byte[] header = in.read(8);
      long length = u32(header, 0, false);
      String type = new String(header, 4, 4, StandardCharsets.ISO_8859_1);
      if (length > Integer.MAX_VALUE) {
        throw broken();
      }
      boolean kept = PNG_KEPT.contains(type);
      if (type.equals("IHDR")) {
        if (length < 8 || length > 64) {
          throw broken();
        }
        byte[] data = in.read((int) length + 4);
        width = (int) u32(data, 0, false);
        height = (int) u32(data, 4, false);
        checkPixels(width, height);
        target.now().write(header);
        target.now().write(data);
        continue;
      }
      if (width < 0) {
        throw broken(); // IHDR must come first
      }
      if (type.equals("eXIf") && !target.decided() && length <= MAX_EXIF) {
        byte[] data = in.read((int) length + 4);
        target.orientation = exifOrientation(data, 0, (int) length);
        continue;
      }
      if (type.equals("IDAT")) {
        target.pixels();
      }
      if (kept) {
        target.now().write(header);
        in.copy(length + 4, target.now());
      } else {
        in.skip(length + 4);
      }
      if (type.equals("IEND")) {
        break;
      }
    }
    if (width <= 0 || height <= 0) {
      throw broken();
    }
    in.requireNothingAfter();
    return target.finish(Format.PNG, width, height);
  }

  /**
   * The upload, read through one buffer: every read either gets its bytes or fails as a broken
   * image (the body ended early), so no caller checks lengths.
   */
  private static final class Source {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private boolean ended;

    Source(InputStream in) {
      this.in = in;
    }

    /** At least {@code n} bytes buffered, or as many as there are. */
    private boolean fill(int n) {
      if (limit - position >= n) {
        return true;
      }
      if (position > 0) {
        System.arraycopy(buffer, position, buffer, 0, limit - position);
        limit -= position;
        position = 0;
      }
      while (limit < n && !ended) {
        try {
          int read = in.read(buffer, limit, buffer.length - limit);
          if (read < 0) {
            ended = true;
          } else {
            limit += read;
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return limit - position >= n;
    }

    /** Up to {@code n} bytes without consuming them. */
    byte[] peek(int n) {
      fill(n);
      return Arrays.copyOfRange(buffer, position, position + Math.min(n, limit - position));
    }

    int next() {
      if (!fill(1)) {
        throw broken();
      }
      return buffer[position++] & 0xFF;
    }

    byte[] read(int n) {
      byte[] bytes = new byte[n];
      int done = 0;
      while (done < n) {
        if (!fill(1)) {
          throw broken();
        }
        int take = Math.min(n - done, limit - position);
        System.arraycopy(buffer, position, bytes, done, take);
        position += take;
        done += take;
      }
      return bytes;
    }

    void copy(long n, OutputStream out) throws IOException {
      long left = n;
      while (left > 0) {
        if (!fill(1)) {
          throw broken();
        }
        int take = (int) Math.min(left, limit - position);
        out.write(buffer, position, take);
        position += take;
        left -= take;
      }
    }

    void skip(long n) {
      long left = n;
      while (left > 0) {
        if (!fill(1)) {
          throw broken();
        }
        int take = (int) Math.min(left, limit - position);
        position += take;
        left -= take;
      }
    }

    /**
     * A scan's entropy-coded data, copied up to the next marker that is not a stuffed zero, a
     * restart marker or a fill byte; the marker is left to be read.
     */
    void copyEntropyCoded(OutputStream out) throws IOException {
      while (true) {
        if (!fill(2)) {
          throw broken();
        }
        int from = position;
        int end = limit - 1; // a 0xFF needs the byte after it to be judged
        int i = from;
        while (true) {
          i = indexOfFf(buffer, i, end);
          if (i == end) {
            // The buffer's worth is data: written in one piece, the rest read on.
            out.write(buffer, from, i - from);
            position = i;
            break;
          }
          int next = buffer[i + 1] & 0xFF;
          if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
            out.write(buffer, from, i - from);
            position = i;
            return;
          }
          i++; // a stuffed zero, a restart marker or a fill byte: data, scanned on
        }
      }
    }

    /** Nothing but zero padding may follow the image's end: no polyglot files. */
    void requireNothingAfter() {
      while (fill(1)) {
        for (int k = position; k < limit; k++) {
          if (buffer[k] != 0) {
            throw new UnusablePhoto(
                "data-after-image",
                "The file carries data after the end of the image (a polyglot file); it is"
                    + " refused.");
          }
        }
        position = limit;
      }
    }
  }

  // --- shared --------------------------------------------------------------------------------

  private void checkPixels(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw broken();
    }
    if ((long) width * height > maxPixels) {
      throw new UnusablePhoto(
          "too-many-pixels",
          "The image is "
              + width
              + " x "
              + height
              + " pixels; at most "
              + maxPixels
              + " pixels are accepted.");
    }
  }

  private static UnusablePhoto broken() {
    return new UnusablePhoto("broken-image", "The image is damaged or incomplete.");
  }

  /** Applies an EXIF orientation to the pixels and encodes them again. */
  private static byte[] turned(byte[] clean, int orientation, Format type) {
    String format = type == Format.PNG ? "png" : "jpeg";
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(clean));
      if (image == null) {
        throw broken();
      }
      int w = image.getWidth();
      int h = image.getHeight();
      AffineTransform t = new AffineTransform();
      switch (orientation) {
        case 2 -> t.setTransform(-1, 0, 0, 1, w, 0);
        case 3 -> t.setTransform(-1, 0, 0, -1, w, h);
        case 4 -> t.setTransform(1, 0, 0, -1, 0, h);
        case 5 -> t.setTransform(0, 1, 1, 0, 0, 0);
        case 6 -> t.setTransform(0, 1, -1, 0, h, 0);
        case 7 -> t.setTransform(0, -1, -1, 0, h, w);
        case 8 -> t.setTransform(0, -1, 1, 0, 0, w);
        default -> {
          return clean;
        }
      }
      BufferedImage target =
          new BufferedImage(
              orientation >= 5 ? h : w,
              orientation >= 5 ? w : h,
              format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
      Graphics2D g = target.createGraphics();
      try {
        g.drawImage(image, t, null);
      } finally {
        g.dispose();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(clean.length);
      if (format.equals("png")) {
        ImageIO.write(target, "png", out);
      } else {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.92f);
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
          writer.setOutput(stream);
          writer.write(null, new IIOImage(target, null, null), param);
        } finally {
          writer.dispose();
        }
      }
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw broken();
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /**
   * The index of the first 0xFF in {@code b[from, to)}, or {@code to}. Eight bytes a step (a byte
   * is 0xFF exactly when its complement is zero, and the classic zero-byte test finds the lowest
   * such byte exactly): the compressed data of a photo is scanned at memory speed, where a byte at
   * a time made the scan the slowest pass of an upload.
   */
  static int indexOfFf(byte[] b, int from, int to) {
    int i = from;
    for (; i + 8 <= to; i += 8) {
      long x = ~(long) LONGS.get(b, i);
      long zeros = (x - 0x0101010101010101L) & ~x & 0x8080808080808080L;
      if (zeros != 0) {
        return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
      }
    }
    for (; i < to; i++) {
      if (b[i] == (byte) 0xFF) {
        return i;
      }
    }
    return to;
  }

  private static boolean startsWith(byte[] in, byte[] prefix) {
    if (in.length < prefix.length) {
      return false;
    }
    for (int k = 0; k < prefix.length; k++) {
      if (in[k] != prefix[k]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWithAt(byte[] in, int at, int end, String prefix) {
    byte[] p = prefix.getBytes(StandardCharsets.ISO_8859_1);
    if (at + p.length > end) {
      return false;
    }
    for (int k = 0; k < p.length; k++) {
      if (in[at + k] != p[k]) {
        return false;
      }
    }
    return true;
  }

  private static int u16(byte[] in, int at, boolean little) {
    return little
        ? (in[at] & 0xFF) | ((in[at + 1] & 0xFF) << 8)
        : ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
  }

  private static long u32(byte[] in, int at, boolean little) {
    return little
        ? (in[at] & 0xFFL)
            | ((in[at + 1] & 0xFFL) << 8)
            | ((in[at + 2] & 0xFFL) << 16)
            | ((in[at + 3] & 0xFFL) << 24)
        : ((in[at] & 0xFFL) << 24)
            | ((in[at + 1] & 0xFFL) << 16)
            | ((in[at + 2] & 0xFFL) << 8)
            | (in[at + 3] & 0xFFL);
  }
}
