package com.directorline.escalation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * POSTs an alert to a clinic's webhook, signed so the receiver can tell it came from us and was not
 * replayed: {@code X-DirectorLine-Timestamp} (Unix seconds) and {@code X-DirectorLine-Signature:
 * v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}; {@code X-DirectorLine-Delivery} is the
 * same for every retry of one alert. docs/webhooks.md shows how to verify.
 */
@ApplicationScoped
public class WebhookSender {

  private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());

  @Inject WebhookTargets targets;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  public Dispatcher.Result post(
      String url, String secret, String deliveryId, String body, Clock clock) {
    // Checked again at delivery: the name may resolve elsewhere than when it was set.
    String refused = targets.problemWith(url);
    if (refused != null) {
      LOG.warning(() -> "webhook delivery " + deliveryId + " not sent: the URL " + refused);
      return Dispatcher.Result.failed(null, "target not allowed");
    }
    String timestamp = String.valueOf(clock.instant().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(5))
            .header("Content-Type", "application/json")
            .header("User-Agent", "DirectorLine-Webhook/1")
            .header("X-DirectorLine-Delivery", deliveryId)
            .header("X-DirectorLine-Timestamp", timestamp)
            .header("X-DirectorLine-Signature", "v1=" + sign(secret, timestamp, body))
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      int status = response.statusCode();
      return status >= 200 && status < 300
          ? Dispatcher.Result.sent(status)
          : Dispatcher.Result.failed(status, "HTTP " + status);
    } catch (IOException e) {
      // The clinic sees only that it failed: which error says what listens where.
      LOG.info(() -> "webhook delivery " + deliveryId + " failed: " + e.getClass().getSimpleName());
      return Dispatcher.Result.failed(null, "no answer");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Dispatcher.Result.failed(null, "interrupted");
    }
  }

  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
