package com.directorline.emergencies.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.ApiServer;
import com.directorline.testing.Reply;
import com.directorline.testing.WebhookReceiver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one launch costs the database, counted by the server itself ({@code
 * directorline.db.count-statements}): the statements and commits of the launch request and of the
 * work it hands on (the director's email and the clinic's webhook, delivered after the answer), in
 * the log line the server writes when the last of that work ends. Issue 16's target: at most 20
 * statements and 2 commits (the launch, and one for the deliveries).
 */
@ExtendWith(ApiServer.class)
class LaunchCostIT {

  private static final Pattern COST =
      Pattern.compile("sql (\\S+) (\\S+) (\\S+): (\\d+) statements, (\\d+) commits");

  /** A launch's cost, from the server's log. */
  record Cost(int statements, int commits) {}

  @Test
  void aLaunchAsThePhoneSendsItCostsAtMostTwentyStatementsAndTwoCommits(Api api)
      throws IOException {
    try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
      Api.Clinic clinic = api.newClinic();
      String director = clinic.enrol("DIRECTOR");
      String injectorName = clinic.enrol("INJECTOR");
      clinic.definePolicy(List.of(List.of(clinic.userId(director))), 60, "Call 911.");
      Reply hook = receiver.configureFor(api, clinic, "a webhook secret of the clinic's own");
      assertThat(hook.status()).as(hook.toString()).isEqualTo(200);

      // Signed in moments ago: the session check reads the session, the user and their roles
      // (the cache is warm only once a request has read them). The two launches follow the
      // sign-in and each other at once: the session's last-seen time, written at most once a
      // second here (a tenth of the test server's 10 s idle timeout), is the session's cost, not
      // the launch's, and is not written within that second.
      String injector = clinic.signIn(injectorName);
      String coldId = launchNow(api, injector);
      String warmId = launchNow(api, injector);
      Cost cold = cost(api, coldId);
      Cost warm = cost(api, warmId);
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> receiver.count() == 2);

      System.out.printf(
          "launch cost: session read %d statements, %d commits; session cached %d statements, %d"
              + " commits%n",
          cold.statements(), cold.commits(), warm.statements(), warm.commits());
      for (Cost cost : List.of(cold, warm)) {
        assertThat(cost.commits())
            .as("commits of a launch, deliveries included: %s", cost)
            .isLessThanOrEqualTo(2);
        assertThat(cost.statements())
            .as("statements of a launch, deliveries included: %s", cost)
            .isLessThanOrEqualTo(20);
      }
      assertThat(cold.statements())
          .as("the session check costs statements only when its cache is cold")
          .isGreaterThan(warm.statements());
    }
  }

  /** Launches as the phone does (one tap: the complication and an idempotency key). */
  private static String launchNow(Api api, String injector) {
    return api.launchAsThePhone(injector).header("X-Correlation-Id");
  }

  /** A launch's cost, once the server has logged it. */
  private static Cost cost(Api api, String correlation) {
    // The line is written when the last of the launch's work, its email included, has ended.
    return Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> cost(ApiServer.serverLog(api), correlation), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<Cost> cost(Path log, String correlation) {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines
          .map(COST::matcher)
          .filter(Matcher::find)
          .filter(m -> m.group(1).equals(correlation))
          .peek(m -> assertThat(m.group(2) + " " + m.group(3)).isEqualTo("POST /api/emergencies"))
          .map(m -> new Cost(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))))
          .findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
