package com.directorline.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/** Starting and stopping Payara Micro processes for the tests. */
public final class Processes {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Processes() {}

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code java <test JVM options> -jar <jar> <arguments>}: small heap, fast start. */
  public static List<String> javaJar(Path jar, String... arguments) {
    return javaJar(jar, List.of(), arguments);
  }

  /** As {@link #javaJar(Path, String...)}, with more JVM options (system properties). */
  public static List<String> javaJar(Path jar, List<String> jvmOptions, String... arguments) {
    return javaJar(jar, false, jvmOptions, arguments);
  }

  /**
   * What the RUN jar sets at boot (pom.xml, the bundle's system properties) and a server started
   * from the WAR must be given: JSON-P's provider named, not looked up on every call.
   */
  static final String JSON_PROVIDER =
      "-Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl";

  /** The same for Jakarta Mail's stream provider, looked up for every email written. */
  static final String MAIL_STREAM_PROVIDER =
      "-Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider";

  /** The JVM options the README runs DirectorLine with: C2, the default GC, its heap. */
  public static final List<String> PRODUCTION_JVM =
      List.of("-Xmx512m", "-XX:+ExitOnOutOfMemoryError", JSON_PROVIDER, MAIL_STREAM_PROVIDER);

  /**
   * As {@link #javaJar(Path, List, String...)}; {@code production} runs the JVM as the README does
   * (for benchmarks), not with the tests' fast-boot options.
   */
  public static List<String> javaJar(
      Path jar, boolean production, List<String> jvmOptions, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(
        production
            ? PRODUCTION_JVM
            : List.of(
                "-Xmx384m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:+ExitOnOutOfMemoryError",
                JSON_PROVIDER,
                MAIL_STREAM_PROVIDER));
    command.addAll(jvmOptions);
    // For profiling a benchmark's server, e.g. -Dbench.server-jvm=-XX:StartFlightRecording=...
    String extra = System.getProperty("bench.server-jvm", "");
    if (production && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-jar");
    command.add(jar.toAbsolutePath().toString());
    command.addAll(List.of(arguments));
    return command;
  }

  public static Process start(List<String> command, Map<String, String> environment, Path log) {
    return start(command, environment, log, null);
  }

  public static Process start(
      List<String> command, Map<String, String> environment, Path log, Path workingDirectory) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command);
      if (workingDirectory != null) {
        builder.directory(workingDirectory.toFile());
      }
      // A null value removes the variable the test JVM would otherwise pass on.
      environment.forEach(
          (name, value) -> {
            if (value == null) {
              builder.environment().remove(name);
            } else {
              builder.environment().put(name, value);
            }
          });
      builder.redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      return builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command, e);
    }
  }

  /**
   * Waits until {@code /health/ready} answers 200 and Payara Micro has logged that it is ready:
   * readiness can answer 200 a few seconds before Payara finishes booting, and requests in that
   * window may get a bare 503. Fails fast when the process dies.
   */
  public static void awaitReady(Process process, String baseUrl, Path log) {
    Awaitility.await("server at " + baseUrl + " ready (log: " + log + ")")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(
                    "server exited with " + process.exitValue() + "; log: " + log);
              }
              return status(baseUrl + "/health/ready") == 200 && logSaysReady(log);
            });
  }

  private static boolean logSaysReady(Path log) {
    try {
      return Files.readString(log).contains(") ready in ");
    } catch (IOException e) {
      return false;
    }
  }

  public static int status(String url) {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  /** Stops like Ctrl-C does (SIGTERM), so shutdown hooks run; returns the exit code. */
  public static int stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      return -1;
    }
  }

  public static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public static Path workDir() {
    return TestRun.workDir();
  }
}
