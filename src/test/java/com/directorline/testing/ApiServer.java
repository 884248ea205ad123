package com.directorline.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro with the built WAR on this run's fresh PostgreSQL database, booted on first use
 * and shared by every HTTP test of the run (one boot instead of one per class), stopped when the
 * run ends. Test classes declare {@code @ExtendWith(ApiServer.class)} and take an {@link Api}.
 *
 * <p>The server runs with a 10-second idle timeout so automatic logoff can be observed, sends email
 * to {@link TestMail}, retries failed deliveries after 200 ms instead of 1 s, and checks open
 * consoles' sessions every second instead of every 15; every other setting is the production
 * default.
 */
public class ApiServer implements ParameterResolver {

  public static final long IDLE_TIMEOUT_SECONDS = 10;
  public static final String DEMO_PASSWORD = TestRun.DEMO_PASSWORD;

  /** The Jitsi app secret of the test servers, so tests can verify the grants' tokens. */
  public static final String JITSI_SECRET = TestRun.JITSI_SECRET;

  private static final class Running implements AutoCloseable {
    final TestServer server =
        TestServer.start(
            "api-server",
            TestDatabase.get(),
            Map.of(
                "DIRECTORLINE_SESSION_IDLE_TIMEOUT_SECONDS",
                String.valueOf(IDLE_TIMEOUT_SECONDS),
                "DIRECTORLINE_MAIL_HOST",
                "127.0.0.1",
                "DIRECTORLINE_MAIL_PORT",
                String.valueOf(TestMail.port()),
                "DIRECTORLINE_ALERTS_FIRST_RETRY_MILLIS",
                "200",
                "DIRECTORLINE_ALERTS_HEARTBEAT_SECONDS",
                "1"));

    @Override
    public void close() {
      server.close();
    }
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
