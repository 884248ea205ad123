package com.directorline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Reply;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Load driver, not a test: how long the chart of an emergency with 10 phone photos takes, from the
 * request to its last byte, on a server run as production runs it (C2, default GC). The photos are
 * JPEGs of camera size (12 MP is too large for the test JVM to make quickly; 3000 x 2000 of noise
 * compresses about as badly as a photo of skin, ~2-4 MB each). Warmed up until the figure is
 * steady, then measured one request at a time (a chart is a person's download, not a burst). Run on
 * demand (docs/performance.md):
 *
 * <pre>
 * mvn -B -ntp verify -Dit.test=ChartBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ChartBenchmark {

  private static final int PHOTOS = 10;
  private static final int WARMUP_ROUNDS = 5;
  private static final int WARMUP_PER_ROUND = 10;
  private static final int MEASURED = 40;

  @Test
  void aChartWithTenPhotos() throws Exception {
    try (TestServer server =
        TestServer.startAsProduction("bench", TestDatabase.createAnother(), Map.of())) {
      Api api = server.api();
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      clinic.definePolicy(List.of(List.of(clinic.userId(director))), 3600, "Call 911.");
      String injector = clinic.signIn(clinic.enrol("INJECTOR"));
      String id =
          api.post(
                  "/api/emergencies",
                  injector,
                  Json.createObjectBuilder()
                      .add("complication", "VASCULAR_OCCLUSION")
                      .add("patientRef", "MRN-BENCH-CHART")
                      .add("drill", true)
                      .build())
              .json()
              .getString("id");
      String path = "/api/emergencies/" + id;
      api.post(
          path + "/consent-exception",
          injector,
          Json.createObjectBuilder().add("reason", "benchmark").build());
      long bytes = 0;
      for (int i = 0; i < PHOTOS; i++) {
        byte[] jpeg = noiseJpeg(3000, 2000, i);
        bytes += jpeg.length;
        Reply uploaded =
            api.upload(
                path + "/photos", injector, "image/jpeg", jpeg, Map.of("X-Caption", "view " + i));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
      }
      String directorToken = clinic.signIn(director);
      api.post(path + "/accept", directorToken, null);
      String order =
          api.post(
                  path + "/orders",
                  directorToken,
                  Json.createObjectBuilder()
                      .add("medication", "Hyaluronidase")
                      .add("dose", Json.createValue(new BigDecimal("1500")))
                      .add("unit", "UNITS")
                      .add("route", "SUBCUTANEOUS")
                      .build())
              .json()
              .getString("id");
      api.post(path + "/orders/" + order + "/given", injector, Json.createObjectBuilder().build());
      System.out.printf("%d photos, %.1f MB uploaded%n", PHOTOS, bytes / 1e6);

      int pdfBytes = 0;
      for (int round = 1; round <= WARMUP_ROUNDS; round++) {
        long[] warm = measure(api, directorToken, path, WARMUP_PER_ROUND);
        Arrays.sort(warm);
        System.out.printf(
            "warm-up round %d: p50 %.0f ms, max %.0f ms%n",
            round, warm[warm.length / 2] / 1e6, warm[warm.length - 1] / 1e6);
        directorToken = clinic.signIn(director);
      }
      long[] latencies = measure(api, directorToken, path, MEASURED);
      pdfBytes =
          api.bytes("GET", path + "/chart.pdf", directorToken, null, null, Map.of()).body().length;
      Arrays.sort(latencies);
      System.out.printf(
          "GET chart.pdf (%d photos, %.1f MB PDF): %d requests, p50 %.0f ms, p95 %.0f ms, max %.0f"
              + " ms (target: at most 1000 ms) at %s%n",
          PHOTOS,
          pdfBytes / 1e6,
          latencies.length,
          latencies[latencies.length / 2] / 1e6,
          latencies[(int) (latencies.length * 0.95)] / 1e6,
          latencies[latencies.length - 1] / 1e6,
          Instant.now());
    }
  }

  private static long[] measure(Api api, String token, String path, int count) {
    long[] latencies = new long[count];
    for (int i = 0; i < count; i++) {
      long start = System.nanoTime();
      HttpResponse<byte[]> pdf = api.bytes("GET", path + "/chart.pdf", token, null, null, Map.of());
      latencies[i] = System.nanoTime() - start;
      assertThat(pdf.statusCode()).isEqualTo(200);
    }
    return latencies;
  }

  private static byte[] noiseJpeg(int width, int height, long seed) throws Exception {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int base = 150 + (x + y) % 60;
        int noise = random.nextInt(40);
        image.setRGB(
            x, y, ((base + noise) << 16) | ((base - 30 + noise) << 8) | (base - 50 + noise));
      }
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
