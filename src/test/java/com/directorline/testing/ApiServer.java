package com.directorline.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Payara Micro with the built WAR on this run's fresh PostgreSQL database, booted on first use
 * and shared by every HTTP test of the run (one boot instead of one per class), stopped when the
 * run ends. Test classes declare {@code @ExtendWith(ApiServer.class)} and take an {@link Api}.
 *
 * <p>The server runs with a 10-second idle timeout so automatic logoff can be observed; every other
 * setting is the production default.
 */
public class ApiServer implements ParameterResolver {

  public static final long IDLE_TIMEOUT_SECONDS = 10;
  public static final String DEMO_PASSWORD = TestRun.DEMO_PASSWORD;

  private static final class Running implements AutoCloseable {
    final Process process;
    final String baseUrl;

    Running() {
      int port = Processes.freePort();
      baseUrl = "http://localhost:" + port;
      Path work = TestRun.workDir().resolve("api-server-" + port);
      Path log = work.resolve("server.log");
      List<String> command =
          Processes.javaJar(
              Path.of(System.getProperty("payara.microJar", "target/payara/payara-micro.jar")),
              "--deploy",
              Path.of(System.getProperty("directorline.war", "target/directorline.war"))
                  .toAbsolutePath()
                  .toString(),
              "--port",
              String.valueOf(port),
              "--nohazelcast",
              "--rootdir",
              work.resolve("payara").toAbsolutePath().toString());
      process =
          Processes.start(
              command,
              Map.of(
                  "DB_URL", TestDatabase.get().jdbcUrl(),
                  "DB_USER", TestDatabase.user(),
                  "DB_PASSWORD", TestDatabase.password(),
                  "DIRECTORLINE_DATA_DIR", work.resolve("data").toString(),
                  "DIRECTORLINE_DEMO_PASSWORD", DEMO_PASSWORD,
                  "DIRECTORLINE_SESSION_IDLE_TIMEOUT_SECONDS",
                      String.valueOf(IDLE_TIMEOUT_SECONDS)),
              log);
      Processes.awaitReady(process, baseUrl, log);
    }

    @Override
    public void close() {
      Processes.stop(process);
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
    return new Api(running.baseUrl);
  }
}
