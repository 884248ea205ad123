package com.directorline.testing;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro with the built WAR on this run's fresh PostgreSQL database, booted on first use
 * and shared by every HTTP test of the run (one boot instead of one per class), stopped when the
 * run ends. Test classes declare {@code @ExtendWith(ApiServer.class)} and take an {@link Api}.
 *
 * <p>The server runs with a 10-second idle timeout so automatic logoff can be observed, sends email
 * to {@link TestMail}, retries failed deliveries after 200 ms instead of 1 s (looking for owed ones
 * every 100 ms), and checks open consoles' sessions every second instead of every 15, and logs each
 * request's SQL statements and commits; every other setting is the production default.
 */
public class ApiServer implements ParameterResolver {

  public static final long IDLE_TIMEOUT_SECONDS = 10;
  public static final String DEMO_PASSWORD = TestRun.DEMO_PASSWORD;

  /** The shared server signs an audit checkpoint every this many events. */
  public static final int CHECKPOINT_EVERY = 20;

  /** Reading more patients than this within 10 minutes is flagged as a bulk read. */
  public static final int BULK_READ_PATIENTS = 3;

  /** The Jitsi app secret of the test servers, so tests can verify the grants' tokens. */
  public static final String JITSI_SECRET = TestRun.JITSI_SECRET;

  /** Where the shared server copies its signed audit checkpoints, outside the database. */
  public static final Path CHECKPOINT_COPIES =
      TestRun.workDir().resolve("api-server-checkpoints-" + UUID.randomUUID()).toAbsolutePath();

  private static final class Running implements AutoCloseable {
    final TestServer server =
        TestServer.start(
            "api-server",
            TestDatabase.get(),
            Map.ofEntries(
                // Migrations as the owner, requests as a role that cannot change audit rows.
                Map.entry("DB_USER", TestDatabase.get().appRole()),
                Map.entry("DB_PASSWORD", ""),
                Map.entry("DB_MIGRATION_USER", TestDatabase.user()),
                Map.entry("DB_MIGRATION_PASSWORD", TestDatabase.password()),
                Map.entry("DIRECTORLINE_AUDIT_SEAL_INTERVAL_MS", "100"),
                Map.entry(
                    "DIRECTORLINE_AUDIT_CHECKPOINT_EVERY_EVENTS", String.valueOf(CHECKPOINT_EVERY)),
                Map.entry(
                    "DIRECTORLINE_AUDIT_BULK_READ_PATIENTS", String.valueOf(BULK_READ_PATIENTS)),
                Map.entry("DIRECTORLINE_AUDIT_BULK_READ_MINUTES", "10"),
                Map.entry(
                    "DIRECTORLINE_SESSION_IDLE_TIMEOUT_SECONDS",
                    String.valueOf(IDLE_TIMEOUT_SECONDS)),
                Map.entry("DIRECTORLINE_MAIL_HOST", "127.0.0.1"),
                Map.entry("DIRECTORLINE_MAIL_PORT", String.valueOf(TestMail.port())),
                Map.entry("DIRECTORLINE_ALERTS_FIRST_RETRY_MILLIS", "200"),
                Map.entry("DIRECTORLINE_ALERTS_OUTBOX_POLL_MILLIS", "100"),
                Map.entry("DIRECTORLINE_ALERTS_HEARTBEAT_SECONDS", "1"),
                // The roster's coverage check every 10 s instead of every 15 minutes.
                Map.entry("DIRECTORLINE_ONCALL_COVERAGE_CHECK_SECONDS", "10"),
                // Follow-up reminders looked for every 300 ms, overdue 8 s after they are due.
                Map.entry("DIRECTORLINE_FOLLOW_UPS_TICK_MILLIS", "300"),
                Map.entry("DIRECTORLINE_FOLLOW_UPS_OVERDUE_AFTER_SECONDS", "8"),
                // As behind a reverse proxy: tests sign in "from" other addresses.
                Map.entry("DIRECTORLINE_HTTP_CLIENT_IP_HEADER", "X-Forwarded-For"),
                Map.entry("DIRECTORLINE_HTTP_TRUSTED_PROXIES", "127.0.0.1"),
                Map.entry("DIRECTORLINE_AUDIT_CHECKPOINT_COPIES_DIR", CHECKPOINT_COPIES.toString()),
                // The tests' webhook receiver listens on plain http at 127.0.0.1.
                Map.entry("DIRECTORLINE_WEBHOOKS_ALLOW_HTTP", "true"),
                Map.entry("DIRECTORLINE_WEBHOOKS_INTERNAL_ADDRESSES", "127.0.0.1"),
                // Each request's SQL statements and commits in the log (LaunchCostIT reads them).
                Map.entry("DIRECTORLINE_DB_COUNT_STATEMENTS", "true")));

    @Override
    public void close() {
      server.close();
    }
  }

  /** The photo master keyset the shared server generated into its data directory. */
  public static Path photoKeyset(Api api) {
    int port = URI.create(api.baseUrl()).getPort();
    return TestRun.workDir()
        .resolve("api-server-" + port)
        .resolve("data")
        .resolve("keys")
        .resolve("photo-master-keyset.json");
  }

  /** The shared server's log (it is started once). */
  public static Path serverLog(Api api) {
    int port = URI.create(api.baseUrl()).getPort();
    return TestRun.workDir().resolve("api-server-" + port).resolve("server-1.log");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Running running =
        context
            .getRoot()
            .getStore(ExtensionContext.Namespace.GLOBAL)
            .getOrComputeIfAbsent(Running.class, key -> new Running(), Running.class);
    return running.server.api();
  }
}
