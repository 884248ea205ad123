package com.directorline.photos.control;

import com.directorline.problems.entity.UnprocessableContent;
import com.directorline.problems.entity.UnsupportedMediaType;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
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

  /** The cleaned image. */
  public record Clean(Format format, byte[] bytes, int width, int height, boolean reencoded) {}

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

  public Clean sanitize(byte[] in) {
    if (startsWith(in, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF})) {
      return jpeg(in);
    }
    if (startsWith(in, PNG_SIGNATURE)) {
      return png(in);
    }
    if (in.length >= 12
        && new String(in, 4, 4, StandardCharsets.ISO_8859_1).equals("ftyp")
        && HEIF_BRANDS.contains(new String(in, 8, 4, StandardCharsets.ISO_8859_1))) {
      throw new NotAPhoto(
          "heic-not-accepted",
          "This is a HEIC photo, which not every browser can show. Send it as JPEG: on an iPhone,"
              + " choose Settings > Camera > Formats > Most Compatible, or upload from the browser,"
              + " which converts it.");
    }
    throw new NotAPhoto(
        "not-an-image", "Only JPEG and PNG photos are accepted, recognised by their content.");
  }

  // --- JPEG ----------------------------------------------------------------------------------

  private Clean jpeg(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(0xFF);
    out.write(0xD8);
    int orientation = 1;
    int width = -1;
    int height = -1;
    int i = 2;
    boolean ended = false;
    while (i < in.length) {
      if ((in[i] & 0xFF) != 0xFF) {
        throw broken();
      }
      while (i < in.length && (in[i] & 0xFF) == 0xFF) {
        i++; // fill bytes
      }
      if (i >= in.length) {
        throw broken();
      }
      int marker = in[i] & 0xFF;
      int start = i - 1;
      i++;
      if (marker == 0xD9) { // EOI
        out.write(0xFF);
        out.write(0xD9);
        ended = true;
        break;
      }
      if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
        out.write(in, start, 2);
        continue;
      }
      if (i + 2 > in.length) {
        throw broken();
      }
      int length = ((in[i] & 0xFF) << 8) | (in[i + 1] & 0xFF);
      int end = i + length;
      if (length < 2 || end > in.length) {
        throw broken();
      }
      boolean sof =
          marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
      if (sof) {
        if (length < 7) {
          throw broken();
        }
        height = ((in[i + 3] & 0xFF) << 8) | (in[i + 4] & 0xFF);
        width = ((in[i + 5] & 0xFF) << 8) | (in[i + 6] & 0xFF);
        checkPixels(width, height);
      }
      if (marker == 0xE1 && isExif(in, i + 2, end)) {
        orientation = exifOrientation(in, i + 8, end);
      }
      if (keepJpegSegment(marker, in, i + 2, end)) {
        out.write(in, start, end - start);
      }
      i = end;
      if (marker == 0xDA) { // SOS: entropy-coded data up to the next real marker
        int data = i;
        while (i + 1 < in.length) {
          if ((in[i] & 0xFF) == 0xFF) {
            int next = in[i + 1] & 0xFF;
            if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
              break;
            }
          }
          i++;
        }
        out.write(in, data, i - data);
      }
    }
    if (!ended || width <= 0 || height <= 0) {
      throw broken();
    }
    requireNothingAfter(in, i);
    return finish(Format.JPEG, out.toByteArray(), width, height, orientation);
  }

  private static boolean keepJpegSegment(int marker, byte[] in, int data, int end) {
    if (marker == 0xE2) { // APP2: only an ICC colour profile
      return startsWithAt(in, data, end, "ICC_PROFILE\0");
    }
    if (marker == 0xEE) { // APP14 Adobe: how to read the colour channels
      return startsWithAt(in, data, end, "Adobe");
    }
    if (marker >= 0xE0 && marker <= 0xEF) {
      return false; // JFIF thumbnails, EXIF, XMP, IPTC and everything else applications add
    }
    return marker != 0xFE; // comments
  }

  private static boolean isExif(byte[] in, int data, int end) {
    return startsWithAt(in, data, end, "Exif\0\0");
  }

  /** The Orientation tag (0x0112) of IFD0, or 1 when absent or unreadable. */
  static int exifOrientation(byte[] in, int tiff, int end) {
    try {
      if (tiff + 8 > end) {
        return 1;
      }
      boolean little = in[tiff] == 'I' && in[tiff + 1] == 'I';
      int ifd = tiff + (int) u32(in, tiff + 4, little);
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

  private Clean png(byte[] in) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
    out.write(in, 0, 8);
    int i = 8;
    int width = -1;
    int height = -1;
    int orientation = 1;
    boolean ended = false;
    while (i + 12 <= in.length) {
      long length = u32(in, i, false);
      String type = new String(in, i + 4, 4, StandardCharsets.ISO_8859_1);
      long end = i + 12 + length;
      if (length > Integer.MAX_VALUE || end > in.length) {
        throw broken();
      }
      if (type.equals("IHDR")) {
        if (length < 8) {
          throw broken();
        }
        width = (int) u32(in, i + 8, false);
        height = (int) u32(in, i + 12, false);
        checkPixels(width, height);
      } else if (width < 0) {
        throw broken(); // IHDR must come first
      }
      if (type.equals("eXIf")) {
        orientation = exifOrientation(in, i + 8, (int) end - 4);
      }
      if (PNG_KEPT.contains(type)) {
        out.write(in, i, (int) (end - i));
      }
      i = (int) end;
      if (type.equals("IEND")) {
        ended = true;
        break;
      }
    }
    if (!ended || width <= 0 || height <= 0) {
      throw broken();
    }
    requireNothingAfter(in, i);
    return finish(Format.PNG, out.toByteArray(), width, height, orientation);
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

  private static void requireNothingAfter(byte[] in, int from) {
    for (int k = from; k < in.length; k++) {
      if (in[k] != 0) {
        throw new UnusablePhoto(
            "data-after-image",
            "The file carries data after the end of the image (a polyglot file); it is refused.");
      }
    }
  }

  private static UnusablePhoto broken() {
    return new UnusablePhoto("broken-image", "The image is damaged or incomplete.");
  }

  /** Upright as it is, or turned by its EXIF orientation (which the cleaning removed). */
  private static Clean finish(Format format, byte[] clean, int width, int height, int orientation) {
    if (orientation == 1) {
      return new Clean(format, clean, width, height, false);
    }
    boolean sideways = orientation >= 5;
    return new Clean(
        format,
        turned(clean, orientation, format == Format.PNG ? "png" : "jpeg"),
        sideways ? height : width,
        sideways ? width : height,
        true);
  }

  /** Applies an EXIF orientation to the pixels and encodes them again. */
  private static byte[] turned(byte[] clean, int orientation, String format) {
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
