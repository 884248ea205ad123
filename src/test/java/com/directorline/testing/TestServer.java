package com.directorline.testing;

import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Payara Micro with the built WAR on a given test database, as a separate process. The settings
 * every test server shares are set here; a test adds its own.
 */
public final class TestServer implements AutoCloseable {

  private final String name;
  private final TestDatabase database;
  private final Map<String, String> environment;
  private final int port;
  private final int metricsPort;
  private Process process;
  private int starts;

  private TestServer(String name, TestDatabase database, Map<String, String> extra) {
    this.name = name;
    this.database = database;
    this.port = Processes.freePort();
    this.metricsPort = Processes.freePort();
    this.environment = new HashMap<>();
    environment.put("DB_URL", database.jdbcUrl());
    environment.put("DB_USER", TestDatabase.user());
    environment.put("DB_PASSWORD", TestDatabase.password());
    environment.put("DIRECTORLINE_DATA_DIR", work().resolve("data").toAbsolutePath().toString());
    environment.put("DIRECTORLINE_DEMO_PASSWORD", TestRun.DEMO_PASSWORD);
    environment.put("DIRECTORLINE_JITSI_APP_SECRET", TestRun.JITSI_SECRET);
    environment.put("DIRECTORLINE_JITSI_DOMAIN", "meet.test.invalid");
    environment.put("DIRECTORLINE_PASSWORD_PBKDF2_ITERATIONS", TEST_PBKDF2_ITERATIONS);
    environment.putAll(extra);
  }

  /**
   * Test servers hash passwords with fewer PBKDF2 rounds: a suite signs in and enrols some thousand
   * times, and at production's 210,000 rounds (150-300 ms a hash here) that was minutes of CI time
   * spent proving nothing the tests assert. Benchmarks ({@link #startAsProduction}) and the RUN
   * jar's own test keep production's count; hashes name their rounds, so both verify alike.
   */
  private static final String TEST_PBKDF2_ITERATIONS = "10000";

  /**
   * A fresh token signing key (RSA, PKCS#8 PEM), for instances that share a database and so must
   * share the key (docs/operations.md): pass it as {@code DIRECTORLINE_TOKEN_PRIVATE_KEY}.
   */
  public static String tokenPrivateKeyPem() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return "-----BEGIN PRIVATE KEY-----\n"
          + Base64.getMimeEncoder()
              .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
          + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Starts a server and waits until it is ready. */
  public static TestServer start(String name, TestDatabase database, Map<String, String> extra) {
    TestServer server = new TestServer(name, database, extra);
    server.start();
    return server;
  }

  /** For benchmarks: a server on the JVM options production runs with (C2, default GC). */
  public static TestServer startAsProduction(
      String name, TestDatabase database, Map<String, String> extra) {
    TestServer server = new TestServer(name, database, extra);
    server.production = true;
    server.environment.remove("DIRECTORLINE_PASSWORD_PBKDF2_ITERATIONS");
    server.start();
    return server;
  }

  private boolean production;

  public void start() {
    starts++;
    Path log = work().resolve("server-" + starts + ".log");
    process =
        Processes.start(
            Processes.javaJar(
                Path.of(System.getProperty("payara.microJar", "target/payara/payara-micro.jar")),
                production,
                List.of(
                    "-Ddirectorline.metrics.address=127.0.0.1",
                    "-Ddirectorline.metrics.port=" + metricsPort),
                // The boot commands the RUN jar carries in MICRO-INF.
                "--prebootcommandfile",
                Path.of("target/classes/pre-boot-commands.txt").toAbsolutePath().toString(),
                "--deploy",
                Path.of(System.getProperty("directorline.war", "target/directorline.war"))
                    .toAbsolutePath()
                    .toString(),
                "--port",
                String.valueOf(port),
                "--nohazelcast",
                "--rootdir",
                work().resolve("payara").toAbsolutePath().toString()),
            environment,
            log);
    Processes.awaitReady(process, baseUrl(), log);
  }

  /** Stops like Ctrl-C; {@link #start()} brings it back on the same port and data. */
  public void stop() {
    if (process != null) {
      Processes.stop(process);
      process = null;
    }
  }

  /**
   * Kills the server as a crash would ({@code kill -9}): no shutdown hook, no request finished, no
   * connection closed but by the kernel.
   */
  public void kill() {
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    stop();
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public Api api() {
    return new Api(baseUrl(), metricsUrl());
  }

  /** The listener that alone serves /metrics. */
  public String metricsUrl() {
    return "http://127.0.0.1:" + metricsPort;
  }

  /** The CPU time the server's process has used so far (for benchmarks: where the cores went). */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElseThrow();
  }

  public TestDatabase database() {
    return database;
  }

  private Path work() {
    return TestRun.workDir().resolve(name + "-" + port);
  }
}
