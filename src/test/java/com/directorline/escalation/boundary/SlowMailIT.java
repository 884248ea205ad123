package com.directorline.escalation.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestServer;
import com.directorline.testing.WebhookReceiver;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A mail server that accepts and never answers holds an alert's email for its whole timeout (5 s),
 * longer than the instance's claim on the delivery (here 2 s): the instance renews its claim while
 * it is still sending, so the alert's deliveries are not made a second time, neither by itself nor
 * by another instance, and the webhook arrives once.
 */
class SlowMailIT {

  @Test
  void deliveriesStillBeingMadeAreNotMadeTwice() throws Exception {
    List<Socket> held = new CopyOnWriteArrayList<>();
    try (WebhookReceiver receiver = WebhookReceiver.answering(204);
        ServerSocket silentMail = new ServerSocket(0, 50, null)) {
      Thread acceptor =
          new Thread(
              () -> {
                try {
                  while (true) {
                    held.add(silentMail.accept()); // never greets
                  }
                } catch (IOException closed) {
                  // the test is over
                }
              },
              "silent-smtp");
      acceptor.setDaemon(true);
      acceptor.start();
      Map<String, String> settings =
          Map.of(
              "DIRECTORLINE_MAIL_HOST", "127.0.0.1",
              "DIRECTORLINE_MAIL_PORT", String.valueOf(silentMail.getLocalPort()),
              "DIRECTORLINE_ALERTS_CLAIM_SECONDS", "2",
              "DIRECTORLINE_ALERTS_OUTBOX_POLL_MILLIS", "100",
              "DIRECTORLINE_ALERTS_MAX_ATTEMPTS", "1",
              "DIRECTORLINE_WEBHOOKS_ALLOW_HTTP", "true",
              "DIRECTORLINE_WEBHOOKS_INTERNAL_ADDRESSES", "127.0.0.1");
      try (TestServer server =
          TestServer.start("slow-mail", TestDatabase.createAnother(), settings)) {
        Api api = server.api();
        Api.Clinic clinic = api.newClinic();
        String director = clinic.enrol("DIRECTOR");
        String injector = clinic.signIn(clinic.enrol("INJECTOR"));
        clinic.definePolicy(List.of(List.of(clinic.userId(director))), 60, "Call 911.");
        var hook = receiver.configureFor(api, clinic, "a webhook secret of the clinic's own");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(200);

        api.post(
            "/api/emergencies",
            injector,
            Json.createObjectBuilder().add("complication", "ANAPHYLAXIS").build());

        // The email ends when its 5 s timeout does; then both attempts are recorded together.
        List<JsonObject> attempts =
            Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .until(clinic::alertDeliveries, list -> !list.isEmpty());
        assertThat(held).as("the email reached the silent server").isNotEmpty();
        assertThat(attempts)
            .extracting(d -> d.getString("channel") + " " + d.getString("outcome"))
            .containsExactlyInAnyOrder("WEBHOOK SENT", "EMAIL FAILED");
        assertThat(receiver.count()).as("the webhook, made once").isEqualTo(1);
        assertThat(held).as("one email connection: the email tried once").hasSize(1);
      }
    } finally {
      for (Socket socket : held) {
        socket.close();
      }
    }
  }
}
