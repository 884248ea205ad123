package com.directorline.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * HAProxy from the Debian package ({@code .ci/run} installs it), run on {@code docker/haproxy.cfg}
 * unchanged, in front of two test servers: the file compose deploys is the file the tests run.
 */
public final class HaProxy implements AutoCloseable {

  private static final Path BINARY = Path.of("/usr/sbin/haproxy");

  private final int port;
  private final Process process;

  private HaProxy(int port, Process process) {
    this.port = port;
    this.process = process;
  }

  /** Starts HAProxy in front of the two servers and waits until it routes to a ready one. */
  public static HaProxy inFrontOf(TestServer first, TestServer second) {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing: install the Debian package haproxy (.ci/run does)");
    }
    int port = Processes.freePort();
    Path log = TestRun.workDir().resolve("haproxy-" + port + ".log");
    Process process =
        Processes.start(
            // -db: stay in the foreground, so the test owns the process.
            List.of(BINARY.toString(), "-db", "-f", Path.of("docker/haproxy.cfg").toString()),
            Map.of(
                "DIRECTORLINE_PROXY_BIND", "127.0.0.1:" + port,
                "DIRECTORLINE_APP1", "127.0.0.1:" + first.port(),
                "DIRECTORLINE_APP2", "127.0.0.1:" + second.port()),
            log);
    HaProxy proxy = new HaProxy(port, process);
    Awaitility.await("HAProxy routing (log: " + log + ")")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("haproxy exited; log: " + log);
              }
              return Processes.status(proxy.baseUrl() + "/health/ready") == 200;
            });
    return proxy;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    Processes.stop(process);
  }
}
