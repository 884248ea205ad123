package com.directorline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Processes;
import com.directorline.testing.Reply;
import com.directorline.testing.TcpRelay;
import com.directorline.testing.TestDatabase;
import com.directorline.testing.TestRun;
import com.directorline.testing.TestServer;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running server and comes back: calls answer 503 with Retry-After
 * within about two seconds (not a 500 after ten), readiness says so, and the server recovers by
 * itself.
 */
class DatabaseOutageIT {

  @Test
  void whileTheDatabaseIsUnreachableCallsAnswer503QuicklyAndTheServerRecovers() {
    TestDatabase database = TestDatabase.createAnother();
    try (TcpRelay relay = new TcpRelay(TestDatabase.host(), Integer.parseInt(TestDatabase.port()));
        TestServer server =
            TestServer.start(
                "outage",
                database,
                Map.of(
                    "DB_URL",
                    "jdbc:postgresql://127.0.0.1:" + relay.port() + "/" + database.name()))) {
      Api api = new Api(server.baseUrl());
      String injector = api.signIn("injector", TestRun.DEMO_PASSWORD);
      assertThat(api.get("/api/emergencies", injector).status()).isEqualTo(200);

      relay.cut();

      for (int call = 0; call < 3; call++) {
        long started = System.nanoTime();
        Reply reply = api.get("/api/emergencies", injector);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).isEqualTo("5");
        assertThat(reply.json().getString("type")).endsWith("database-unavailable");
        assertThat(took).as("answered within about two seconds").isLessThan(Duration.ofSeconds(5));
      }
      Reply signIn = api.login("director", TestRun.DEMO_PASSWORD);
      assertThat(signIn.status()).as(signIn.toString()).isEqualTo(503);
      assertThat(Processes.status(server.baseUrl() + "/health/ready")).isEqualTo(503);
      assertThat(Processes.status(server.baseUrl() + "/health/live")).isEqualTo(200);

      relay.restore();

      Awaitility.await("the server recovers by itself")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> api.get("/api/emergencies", injector).status() == 200);
      assertThat(Processes.status(server.baseUrl() + "/health/ready")).isEqualTo(200);
      assertThat(api.login("director", TestRun.DEMO_PASSWORD).status()).isEqualTo(200);
    }
  }
}
