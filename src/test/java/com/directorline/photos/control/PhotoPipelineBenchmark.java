package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, run on demand (docs/performance.md): the photo pipeline (validate, strip metadata,
 * SHA-256, envelope-encrypt with Tink, copy into the row's buffer) against raw AES-256-GCM over the
 * same bytes, in the same JVM, alternating. A 12-megapixel phone JPEG with EXIF and GPS that needs
 * no re-encoding.
 *
 * <pre>mvn -B -ntp test -Dtest=PhotoPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class PhotoPipelineBenchmark {

  private static final int ROUNDS = 31;

  @Test
  void pipelineAgainstRawAesGcm() throws Exception {
    byte[] photo = phonePhoto(4032, 3024);
    ImageSanitizer sanitizer = new ImageSanitizer(25_000_000);
    Envelope envelope = new Envelope(Envelope.newMasterKeyset());
    SecretKey key = KeyGenerator.getInstance("AES").generateKey();
    SecureRandom random = new SecureRandom();

    Runnable pipeline =
        () -> {
          try {
            ImageSanitizer.Clean clean = sanitizer.sanitize(photo);
            String sha =
                HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(clean.bytes()));
            Envelope.Sealed sealed =
                envelope.seal(
                    clean.bytes(), Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID()));
            byte[] row = sealed.ciphertext().clone(); // what the entity keeps for its insert
            assertThat(sha).hasSize(64);
            assertThat(row.length).isGreaterThan(clean.bytes().length);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    Runnable raw =
        () -> {
          try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            assertThat(cipher.doFinal(photo).length).isGreaterThan(photo.length);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        };
    // Warm up for a few seconds each, so both paths run C2-compiled with the AES, GHASH and
    // SHA-256 intrinsics, as on a server that has been taking photos for a while.
    for (long until = System.nanoTime() + 8_000_000_000L; System.nanoTime() < until; ) {
      pipeline.run();
      raw.run();
    }
    List<Double> pipelineRates = new ArrayList<>();
    List<Double> rawRates = new ArrayList<>();
    for (int i = 0; i < ROUNDS; i++) {
      pipelineRates.add(rate(pipeline, photo.length));
      rawRates.add(rate(raw, photo.length));
    }
    double p = median(pipelineRates);
    double r = median(rawRates);
    System.out.printf(
        "BENCHMARK photo-pipeline photo=%.1f MB pipeline=%.0f MB/s (%.1f photos/s) raw-aes-gcm=%.0f"
            + " MB/s ratio=%.2f (medians of %d)%n",
        photo.length / 1e6, p, p * 1e6 / photo.length, r, p / r, ROUNDS);
  }

  private static double rate(Runnable work, int bytes) {
    long started = System.nanoTime();
    work.run();
    return bytes / 1e6 / ((System.nanoTime() - started) / 1e9);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  /** Camera-like noise, so the JPEG is as large as a phone's; with EXIF, GPS, XMP, comment. */
  static byte[] phonePhoto(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(7);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = (x * 255 / width) << 16 | (y * 255 / height) << 8 | 128;
        image.setRGB(x, y, base ^ (random.nextInt(48) * 0x010101));
      }
    }
    byte[] jpeg = TestImages.encode(image, "jpeg");
    byte[] exif = TestImages.exif(1);
    byte[] out = new byte[jpeg.length + exif.length + 4];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xD8;
    out[2] = (byte) 0xFF;
    out[3] = (byte) 0xE1;
    out[4] = (byte) ((exif.length + 2) >> 8);
    out[5] = (byte) ((exif.length + 2) & 0xFF);
    System.arraycopy(exif, 0, out, 6, exif.length);
    System.arraycopy(jpeg, 2, out, 6 + exif.length, jpeg.length - 2);
    return out;
  }
}
