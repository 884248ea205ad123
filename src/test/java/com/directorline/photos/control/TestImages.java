package com.directorline.photos.control;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Photos as phones make them: a picture, EXIF with GPS and orientation, XMP, comments. */
public final class TestImages {

  private TestImages() {}

  /** Left half red, right half blue, so a test can tell which way up it is. */
  public static BufferedImage picture(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, width / 2, height);
    g.setColor(Color.BLUE);
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return image;
  }

  public static byte[] encode(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JPEG as a phone writes it: EXIF (orientation, GPS), XMP and a comment after SOI. */
  /**
   * A PNG of random pixels, which does not compress: about {@code 3 * width * height} bytes, for
   * uploads as large as a phone's biggest photo.
   */
  public static byte[] noisePng(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        image.setRGB(x, y, random.nextInt(1 << 24));
      }
    }
    return encode(image, "png");
  }

  /**
   * A JPEG of noisy pixels (much 0xFF in its compressed data), EXIF and all, like a phone's photo
   * of skin: about {@code width * height / 2} bytes.
   */
  public static byte[] noisyJpeg(int width, int height, long seed) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    SplittableRandom random = new SplittableRandom(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128;
        image.setRGB(x, y, base ^ (random.nextInt(96) * 0x010101));
      }
    }
    return withPhoneMetadata(encode(image, "jpeg"), 1);
  }

  public static byte[] phoneJpeg(int width, int height, int orientation) {
    return withPhoneMetadata(encode(picture(width, height), "jpeg"), orientation);
  }

  private static byte[] withPhoneMetadata(byte[] jpeg, int orientation) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    segment(out, 0xE1, exif(orientation));
    segment(
        out,
        0xE1,
        ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'>"
                + "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
                + "<rdf:Description xmlns:exif='http://ns.adobe.com/exif/1.0/'"
                + " exif:GPSLatitude='34,3.2N'/></rdf:RDF></x:xmpmeta>")
            .getBytes(StandardCharsets.ISO_8859_1));
    segment(
        out,
        0xED,
        "Photoshop 3.0\08BIM IPTC city Springfield".getBytes(StandardCharsets.ISO_8859_1));
    segment(out, 0xFE, "patient Jane Doe, room 3".getBytes(StandardCharsets.ISO_8859_1));
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
    out.write(0xFF);
    out.write(marker);
    out.write((data.length + 2) >> 8);
    out.write((data.length + 2) & 0xFF);
    out.write(data, 0, data.length);
  }

  /** "Exif\0\0" + a big-endian TIFF with Orientation and a GPS IFD (34.0533 N, 118.2423 W). */
  static byte[] exif(int orientation) {
    ByteBuffer tiff = ByteBuffer.allocate(200);
    tiff.put("MM".getBytes(StandardCharsets.ISO_8859_1)).putShort((short) 42).putInt(8);
    // IFD0 at 8: 2 entries, next IFD 0 -> ends at 8 + 2 + 24 + 4 = 38
    tiff.putShort((short) 2);
    tiff.putShort((short) 0x0112)
        .putShort((short) 3)
        .putInt(1)
        .putShort((short) orientation)
        .putShort((short) 0);
    tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
    tiff.putInt(0);
    // GPS IFD at 38: 4 entries -> 38 + 2 + 48 + 4 = 92; rationals follow at 92 and 116
    tiff.putShort((short) 4);
    tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
    tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(92);
    tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[] {'W', 0, 0, 0});
    tiff.putShort((short) 4).putShort((short) 5).putInt(3).putInt(116);
    tiff.putInt(0);
    tiff.putInt(34).putInt(1).putInt(3).putInt(1).putInt(1188).putInt(100);
    tiff.putInt(118).putInt(1).putInt(14).putInt(1).putInt(3228).putInt(100);
    byte[] body = new byte[tiff.position()];
    tiff.flip();
    tiff.get(body);
    byte[] exif = new byte[6 + body.length];
    System.arraycopy("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exif, 0, 6);
    System.arraycopy(body, 0, exif, 6, body.length);
    return exif;
  }

  /** A PNG with a text chunk, a time chunk and an eXIf chunk carrying GPS. */
  public static byte[] pngWithMetadata(int width, int height) {
    byte[] png = encode(picture(width, height), "png");
    int afterIhdr = 8 + 12 + 13;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(png, 0, afterIhdr);
    chunk(out, "tEXt", "Comment\0patient Jane Doe".getBytes(StandardCharsets.ISO_8859_1));
    chunk(out, "tIME", new byte[] {0x07, (byte) 0xEA, 11, 23, 10, 0, 0});
    byte[] exif = exif(1);
    byte[] tiffOnly = new byte[exif.length - 6];
    System.arraycopy(exif, 6, tiffOnly, 0, tiffOnly.length);
    chunk(out, "eXIf", tiffOnly);
    out.write(png, afterIhdr, png.length - afterIhdr);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
    ByteBuffer head = ByteBuffer.allocate(8).putInt(data.length).put(t);
    out.write(head.array(), 0, 8);
    out.write(data, 0, data.length);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array(), 0, 4);
  }

  /** A JPEG header claiming 60000 x 60000 pixels, with no image data at all. */
  public static byte[] pixelBombJpeg() {
    return new byte[] {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC0,
      0x00,
      0x11,
      0x08,
      (byte) 0xEA,
      0x60,
      (byte) 0xEA,
      0x60,
      0x03,
      0x01,
      0x22,
      0x00,
      0x02,
      0x11,
      0x01,
      0x03,
      0x11,
      0x01
    };
  }

  /** A real JPEG with a zip archive's start after its end. */
  public static byte[] polyglotJpeg() {
    byte[] jpeg = encode(picture(16, 16), "jpeg");
    byte[] zip = "PK\u0003\u0004 a zip archive or a script".getBytes(StandardCharsets.ISO_8859_1);
    byte[] polyglot = new byte[jpeg.length + zip.length];
    System.arraycopy(jpeg, 0, polyglot, 0, jpeg.length);
    System.arraycopy(zip, 0, polyglot, jpeg.length, zip.length);
    return polyglot;
  }

  /** The start of a HEIC file as an iPhone writes it. */
  public static byte[] heic() {
    byte[] heic = new byte[256];
    System.arraycopy("\0\0\0\u0018ftypheic".getBytes(StandardCharsets.ISO_8859_1), 0, heic, 0, 12);
    return heic;
  }

  /** Where {@code needle} starts in {@code haystack}, or -1. */
  public static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
