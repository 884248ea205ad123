package com.directorline.photos.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.junit.jupiter.api.Test;

/**
 * Benchmark, run on demand (docs/performance.md): the streamed photo pipeline ({@link
 * PhotoUploads#pass}: clean, SHA-256 and Tink StreamingAead in one pass) against the limits
 * measured the right way, in the same JVM, alternating: SHA-256 over the same bytes (the slowest
 * pass the pipeline cannot do without) and AES-256-GCM in 64 KiB segments. The pipeline is measured
 * twice: into memory (its CPU work) and into a spool file, as the server runs it. A 12-megapixel
 * phone JPEG with EXIF that needs no re-encoding. The surefire JVM runs with the default JIT (C2)
 * and no test flags; the warm-up goes on until the pipeline's rate is steady, and prints itself.
 *
 * <pre>mvn -B -ntp test -Dtest=PhotoPipelineBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class PhotoPipelineBenchmark {

  private static final int ROUNDS = 41;

  @Test
  void pipelineAgainstSha256AndSegmentedAesGcm() throws Exception {
    byte[] photo = phonePhoto(4032, 3024);
    ImageSanitizer sanitizer = new ImageSanitizer(25_000_000);
    Envelope envelope = new Envelope(Envelope.newMasterKeyset());
    SecretKey key = KeyGenerator.getInstance("AES").generateKey();
    SecureRandom random = new SecureRandom();
    Path spool = Files.createTempFile("photo-benchmark-", ".sealed");
    ExecutorService hashing =
        Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());

    Map<String, Runnable> passes = new LinkedHashMap<>();
    passes.put(
        "sha256",
        () -> {
          try {
            assertThat(MessageDigest.getInstance("SHA-256").digest(photo)).hasSize(32);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    passes.put(
        "aes-gcm-64k",
        () -> {
          try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            byte[] out = new byte[64 * 1024 + 16];
            for (int at = 0; at < photo.length; at += 64 * 1024) {
              byte[] iv = new byte[12];
              random.nextBytes(iv);
              cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
              int n = Math.min(64 * 1024, photo.length - at);
              assertThat(cipher.doFinal(photo, at, n, out, 0)).isEqualTo(n + 16);
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    passes.put(
        "clean-only",
        () -> {
          ImageSanitizer.Cleaned cleaned =
              sanitizer.clean(new ByteArrayInputStream(photo), OutputStream.nullOutputStream());
          assertThat(cleaned.width()).isEqualTo(4032);
        });
    passes.put(
        "pipeline-memory",
        () -> {
          try {
            PhotoUploads.Pass pass =
                PhotoUploads.pass(
                    new ByteArrayInputStream(photo),
                    sanitizer,
                    ImageSanitizer.Turning.DIRECT,
                    envelope.sealer(Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID())),
                    OutputStream.nullOutputStream(),
                    hashing);
            assertThat(pass.sha256()).hasSize(64);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    passes.put(
        "pipeline-spool",
        () -> {
          try (OutputStream file =
              new BufferedOutputStream(Files.newOutputStream(spool), 64 * 1024)) {
            PhotoUploads.Pass pass =
                PhotoUploads.pass(
                    new ByteArrayInputStream(photo),
                    sanitizer,
                    ImageSanitizer.Turning.DIRECT,
                    envelope.sealer(Envelope.associatedData(UUID.randomUUID(), UUID.randomUUID())),
                    file,
                    hashing);
            assertThat(pass.sizeBytes()).isGreaterThan(photo.length / 2);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });

    // Warm-up until steady: blocks of ten rounds each, until the pipeline's median over the last
    // three blocks moves less than 3 %, at least 20 s (C2 and its intrinsics for AES, GHASH and
    // SHA-256 are in by then), at most 120 s.
    long started = System.nanoTime();
    List<Double> blocks = new ArrayList<>();
    while (true) {
      List<Double> rates = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        for (Map.Entry<String, Runnable> pass : passes.entrySet()) {
          double rate = rate(pass.getValue(), photo.length);
          if (pass.getKey().equals("pipeline-memory")) {
            rates.add(rate);
          }
        }
      }
      blocks.add(median(rates));
      double seconds = (System.nanoTime() - started) / 1e9;
      System.out.printf("WARMUP t=%.0fs pipeline-memory=%.0f MB/s%n", seconds, median(rates));
      int n = blocks.size();
      boolean steady =
          n >= 3
              && Math.abs(blocks.get(n - 1) - blocks.get(n - 3)) / blocks.get(n - 1) < 0.03
              && Math.abs(blocks.get(n - 2) - blocks.get(n - 3)) / blocks.get(n - 2) < 0.03;
      if ((steady && seconds >= 20) || seconds >= 120) {
        break;
      }
    }

    Map<String, List<Double>> rates = new LinkedHashMap<>();
    passes.keySet().forEach(name -> rates.put(name, new ArrayList<>()));
    for (int i = 0; i < ROUNDS; i++) {
      for (Map.Entry<String, Runnable> pass : passes.entrySet()) {
        rates.get(pass.getKey()).add(rate(pass.getValue(), photo.length));
      }
    }
    double sha = median(rates.get("sha256"));
    StringBuilder line =
        new StringBuilder(String.format("BENCHMARK photo=%.1f MB", photo.length / 1e6));
    rates.forEach(
        (name, list) ->
            line.append(
                String.format(
                    " %s=%.0f MB/s (%.2f of sha256)", name, median(list), median(list) / sha)));
    System.out.println(line + " (medians of " + ROUNDS + ")");
    Files.deleteIfExists(spool);
    hashing.shutdownNow();
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
