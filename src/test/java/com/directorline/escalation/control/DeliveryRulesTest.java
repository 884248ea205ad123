package com.directorline.escalation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How deliveries are retried and signed. */
class DeliveryRulesTest {

  @Test
  void failedAttemptsAreRetriedAfterDoublingWaitsThatStopGrowingAt64Times() {
    assertThat(Dispatcher.backoff(1000, 1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(Dispatcher.backoff(1000, 2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(Dispatcher.backoff(1000, 3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(Dispatcher.backoff(1000, 7)).isEqualTo(Duration.ofSeconds(64));
    assertThat(Dispatcher.backoff(1000, 20)).isEqualTo(Duration.ofSeconds(64));
  }

  @Test
  void theWebhookSignatureIsHmacSha256OverTimestampDotBody() {
    // Expected value from: printf '1700000000.{"type":"emergency.alert"}' \
    //   | openssl dgst -sha256 -hmac 'whsec_test_0123456789'
    assertThat(
            WebhookSender.sign(
                "whsec_test_0123456789", "1700000000", "{\"type\":\"emergency.alert\"}"))
        .isEqualTo("12b01e672420decb9c82c636a4c957f0a0b0f20875691361855b0cb429b7c64e");
  }
}
