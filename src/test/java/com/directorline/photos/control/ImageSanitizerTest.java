package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.GpsDirectory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Metadata out, orientation kept, everything that is not a plain JPEG or PNG refused. */
class ImageSanitizerTest {

  private final ImageSanitizer sanitizer = new ImageSanitizer(40_000_000);

  private static Metadata metadata(byte[] image) throws Exception {
    return ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
  }

  private static List<String> directories(byte[] image) throws Exception {
    List<String> names = new ArrayList<>();
    for (Directory d : metadata(image).getDirectories()) {
      names.add(d.getName());
    }
    return names;
  }

  private static BufferedImage decode(byte[] image) throws Exception {
    return ImageIO.read(new ByteArrayInputStream(image));
  }

  private static boolean isRed(int rgb) {
    return ((rgb >> 16) & 0xFF) > 180 && (rgb & 0xFF) < 80;
  }

  private static boolean isBlue(int rgb) {
    return ((rgb >> 16) & 0xFF) < 80 && (rgb & 0xFF) > 180;
  }

  @Test
  void aPhoneJpegLosesItsLocationAndEveryOtherMetadata() throws Exception {
    byte[] phone = TestImages.phoneJpeg(64, 32, 1);
    assertThat(metadata(phone).getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation())
        .as("the fixture carries a position")
        .isNotNull();
    assertThat(directories(phone)).contains("Exif IFD0", "XMP", "JpegComment");

    ImageSanitizer.Clean clean = sanitizer.sanitize(phone);

    assertThat(clean.format()).isEqualTo(ImageSanitizer.Format.JPEG);
    assertThat(clean.reencoded()).as("an upright photo keeps its compressed pixels").isFalse();
    assertThat(metadata(clean.bytes()).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    assertThat(directories(clean.bytes()))
        .doesNotContain("Exif IFD0", "GPS", "XMP", "IPTC", "JpegComment", "JFIF", "Photoshop");
    String text = new String(clean.bytes(), StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("Exif", "Jane Doe", "xmpmeta", "Springfield");
    assertThat(clean.width()).isEqualTo(64);
    assertThat(clean.height()).isEqualTo(32);
    BufferedImage shown = decode(clean.bytes());
    assertThat(isRed(shown.getRGB(8, 16))).isTrue();
    assertThat(isBlue(shown.getRGB(56, 16))).isTrue();
  }

  @Test
  void aPhotoTakenSidewaysIsTurnedUprightSinceItsOrientationTagGoes() throws Exception {
    // Orientation 6: the viewer must turn it 90 degrees clockwise; red (left) ends up on top.
    ImageSanitizer.Clean clean = sanitizer.sanitize(TestImages.phoneJpeg(64, 32, 6));
    assertThat(clean.reencoded()).isTrue();
    assertThat(clean.width()).isEqualTo(32);
    assertThat(clean.height()).isEqualTo(64);
    assertThat(directories(clean.bytes())).doesNotContain("Exif IFD0", "GPS", "XMP");
    BufferedImage shown = decode(clean.bytes());
    assertThat(shown.getWidth()).isEqualTo(32);
    assertThat(isRed(shown.getRGB(16, 8))).as("top").isTrue();
    assertThat(isBlue(shown.getRGB(16, 56))).as("bottom").isTrue();
  }

  @Test
  void aPngLosesItsTextTimeAndExifChunks() throws Exception {
    byte[] png = TestImages.pngWithMetadata(20, 10);
    assertThat(metadata(png).getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
    ImageSanitizer.Clean clean = sanitizer.sanitize(png);
    assertThat(clean.format()).isEqualTo(ImageSanitizer.Format.PNG);
    String text = new String(clean.bytes(), StandardCharsets.ISO_8859_1);
    assertThat(text).doesNotContain("tEXt", "tIME", "eXIf", "Jane Doe");
    assertThat(metadata(clean.bytes()).getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    assertThat(decode(clean.bytes()).getWidth()).isEqualTo(20);
  }

  @Test
  void heicIsRefusedWithAdviceToSendJpeg() {
    byte[] heic = TestImages.heic();
    assertThatThrownBy(() -> sanitizer.sanitize(heic))
        .isInstanceOfSatisfying(
            ImageSanitizer.NotAPhoto.class,
            r -> {
              assertThat(r.problem().status()).isEqualTo(415);
              assertThat(r.problem().type()).endsWith(":heic-not-accepted");
              assertThat(r.getMessage()).contains("JPEG");
            });
  }

  @Test
  void somethingElseWithAnImageNameIsRefused() {
    assertThatThrownBy(
            () ->
                sanitizer.sanitize(
                    "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            ImageSanitizer.NotAPhoto.class,
            r -> assertThat(r.problem().type()).endsWith(":not-an-image"));
  }

  @Test
  void aPolyglotWithDataAfterTheImageIsRefused() {
    byte[] polyglot = TestImages.polyglotJpeg();
    assertThatThrownBy(() -> sanitizer.sanitize(polyglot))
        .isInstanceOfSatisfying(
            ImageSanitizer.UnusablePhoto.class,
            r -> {
              assertThat(r.problem().status()).isEqualTo(422);
              assertThat(r.problem().type()).endsWith(":data-after-image");
            });
  }

  @Test
  void aPixelBombIsRefusedFromItsHeaderBeforeAnythingIsDecoded() {
    byte[] bomb = TestImages.pixelBombJpeg();
    assertThatThrownBy(() -> sanitizer.sanitize(bomb))
        .isInstanceOfSatisfying(
            ImageSanitizer.UnusablePhoto.class,
            r -> assertThat(r.problem().type()).endsWith(":too-many-pixels"));
    byte[] png = TestImages.encode(TestImages.picture(4, 4), "png");
    png[16] = 0x00; // IHDR width = 0x00FF_FFFF
    png[17] = (byte) 0xFF;
    png[18] = (byte) 0xFF;
    png[19] = (byte) 0xFF;
    assertThatThrownBy(() -> sanitizer.sanitize(png))
        .isInstanceOfSatisfying(
            ImageSanitizer.UnusablePhoto.class,
            r -> assertThat(r.problem().type()).endsWith(":too-many-pixels"));
  }

  @Test
  void aTruncatedImageIsRefused() {
    byte[] jpeg = TestImages.encode(TestImages.picture(16, 16), "jpeg");
    byte[] cut = Arrays.copyOf(jpeg, jpeg.length / 2);
    assertThatThrownBy(() -> sanitizer.sanitize(cut))
        .isInstanceOfSatisfying(
            ImageSanitizer.UnusablePhoto.class,
            r -> assertThat(r.problem().type()).endsWith(":broken-image"));
  }

  /** An upload as a network delivers it: a few bytes per read, at random. */
  private static InputStream trickling(byte[] bytes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return new ByteArrayInputStream(bytes) {
      @Override
      public synchronized int read(byte[] b, int off, int len) {
        return super.read(b, off, Math.min(len, 1 + random.nextInt(7)));
      }
    };
  }

  @Test
  void readInPiecesItCleansToTheSameBytesAsReadWhole() throws Exception {
    // Noise makes the entropy-coded data full of 0xFF stuffing, landing on every buffer edge.
    for (byte[] photo :
        List.of(
            TestImages.phoneJpeg(600, 400, 1),
            TestImages.noisyJpeg(700, 500, 3),
            TestImages.pngWithMetadata(300, 200),
            TestImages.noisePng(200, 150, 5))) {
      byte[] whole = sanitizer.sanitize(photo).bytes();
      ByteArrayOutputStream streamed = new ByteArrayOutputStream();
      ImageSanitizer.Cleaned cleaned = sanitizer.clean(trickling(photo, 11), streamed);
      assertThat(streamed.toByteArray()).isEqualTo(whole);
      assertThat(decode(whole).getWidth()).isEqualTo(cleaned.width());
    }
  }

  @Test
  void anUprightPhotoFlowsOutBeforeItHasArrived() {
    byte[] photo = TestImages.noisyJpeg(1500, 1000, 9);
    assertThat(photo.length).as("many times every buffer").isGreaterThan(400_000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long[] writtenAtHalf = {-1};
    InputStream arriving =
        new ByteArrayInputStream(photo) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            if (writtenAtHalf[0] < 0 && photo.length - available() >= photo.length / 2) {
              writtenAtHalf[0] = out.size();
            }
            return super.read(b, off, Math.min(len, 8192));
          }
        };
    sanitizer.clean(arriving, out);
    assertThat(writtenAtHalf[0])
        .as("cleaned bytes written by the time half the photo was read")
        .isGreaterThan(photo.length / 4);
  }

  @Test
  void aSidewaysPhotoIsHeldWholeOnlyWithRoomAndTurnedThroughTheGate() {
    List<String> calls = new ArrayList<>();
    ImageSanitizer.Turning gate =
        new ImageSanitizer.Turning() {
          @Override
          public AutoCloseable room() {
            calls.add("room");
            return () -> calls.add("freed");
          }

          @Override
          public byte[] turn(Supplier<byte[]> reencoding) {
            calls.add("turn");
            return reencoding.get();
          }
        };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageSanitizer.Cleaned turned =
        sanitizer.clean(new ByteArrayInputStream(TestImages.phoneJpeg(64, 32, 6)), out, gate);
    assertThat(turned.reencoded()).isTrue();
    assertThat(turned.width()).isEqualTo(32);
    assertThat(calls).containsExactly("room", "turn", "freed");

    calls.clear();
    sanitizer.clean(
        new ByteArrayInputStream(TestImages.phoneJpeg(64, 32, 1)),
        new ByteArrayOutputStream(),
        gate);
    assertThat(calls).as("an upright photo never takes the gate").isEmpty();
  }

  @Test
  void anEmptyBodyIsNamed() {
    assertThatThrownBy(() -> sanitizer.sanitize(new byte[0]))
        .isInstanceOf(ImageSanitizer.NotAPhoto.class)
        .hasMessageContaining("empty");
  }

  @Test
  void theScanFindsTheFirstFfWhereverItIs() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[1 + random.nextInt(40)];
      for (int k = 0; k < b.length; k++) {
        // Bytes near 0xFF and 0x00 stress the borrow between bytes.
        b[k] = (byte) (random.nextBoolean() ? 0xFE - random.nextInt(2) : random.nextInt(3));
        if (random.nextInt(12) == 0) {
          b[k] = (byte) 0xFF;
        }
      }
      int from = random.nextInt(b.length);
      int to = from + random.nextInt(b.length - from + 1);
      int expected = to;
      for (int k = from; k < to; k++) {
        if (b[k] == (byte) 0xFF) {
          expected = k;
          break;
        }
      }
      assertThat(ImageSanitizer.indexOfFf(b, from, to)).isEqualTo(expected);
    }
  }
}
