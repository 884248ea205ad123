package com.directorline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.testing.Api;
import com.directorline.testing.Processes;
import com.directorline.testing.Reply;
import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The README's RUN artifact as a new user meets it: started in an empty directory with no database,
 * it creates the demo clinic, prints the logins once, lets a demo user sign in, stops cleanly on
 * SIGTERM (what Ctrl-C sends), and keeps its data across a restart.
 */
class RunArtifactIT {

  private static final Pattern LOGIN =
      Pattern.compile("^\\s+(\\w+)\\s+(\\S+)\\s+\\[(\\w+)]$", Pattern.MULTILINE);

  @Test
  void startsOnTheEmbeddedDatabaseSignsInAndKeepsDataAcrossARestart() throws IOException {
    Path home =
        Files.createDirectories(Processes.workDir().resolve("run-artifact-" + System.nanoTime()));
    int port = Processes.freePort();
    int metricsPort = Processes.freePort();
    String baseUrl = "http://localhost:" + port;
    Api api = new Api(baseUrl, "http://127.0.0.1:" + metricsPort);

    Path firstLog = home.resolve("first.log");
    Process first = start(port, metricsPort, home, firstLog);
    Processes.awaitReady(first, baseUrl, firstLog);
    // The jar's boot commands: metrics only on their own listener, no product banner.
    assertThat(api.metrics("?scope=base").body()).contains("jvm_uptime");
    assertThat(api.get("/metrics", null).status()).isEqualTo(404);
    assertThat(api.get("/", null).header("Server")).isNull();
    Map<String, String> passwords = printedLogins(Files.readString(firstLog));
    assertThat(passwords)
        .containsOnlyKeys("admin", "injector", "director", "director2", "compliance");

    Reply signIn = api.login("director", passwords.get("director"));
    assertThat(signIn.status()).isEqualTo(200);
    assertThat(signIn.json().getJsonObject("user").getJsonArray("roles").getString(0))
        .isEqualTo("DIRECTOR");
    String admin = api.signIn("admin", passwords.get("admin"));
    Reply opened =
        api.post(
            "/api/clinics", admin, Json.createObjectBuilder().add("name", "Second Spa").build());
    assertThat(opened.status()).isEqualTo(201);

    assertThat(Processes.stop(first)).as("exit code after SIGTERM").isIn(0, 143);
    assertThat(home.resolve("data")).isDirectory();

    Path secondLog = home.resolve("second.log");
    Process second = start(port, metricsPort, home, secondLog);
    try {
      Processes.awaitReady(second, baseUrl, secondLog);
      assertThat(printedLogins(Files.readString(secondLog))).isEmpty();
      String again = api.signIn("admin", passwords.get("admin"));
      assertThat(api.get("/api/clinics", again).array())
          .extracting(v -> v.asJsonObject().getString("name"))
          .containsExactlyInAnyOrder("Demo Med Spa", "Second Spa");
      assertThat(Files.readString(firstLog) + Files.readString(secondLog)).doesNotContain("SEVERE");
    } finally {
      Processes.stop(second);
    }
  }

  /**
   * The jar sets its own system properties at start (MICRO-INF/payara-boot.properties): those it
   * needs, and none of the machine that built it (its java.home, its user.dir, a password passed to
   * Maven with -D).
   */
  @Test
  void carriesNoSystemPropertiesOfTheMachineThatBuiltIt() throws IOException {
    Properties boot = new Properties();
    try (ZipFile jar = new ZipFile(runJar().toFile())) {
      boot.load(jar.getInputStream(jar.getEntry("MICRO-INF/payara-boot.properties")));
    }
    assertThat(boot)
        .containsEntry("directorline.metrics.address", "127.0.0.1")
        .containsEntry("directorline.metrics.port", "9080")
        .doesNotContainKeys("java.home", "user.dir", "user.home", "java.class.path", "maven.home");
  }

  private static Path runJar() {
    return Path.of(
        System.getProperty("directorline.runJar", "target/directorline-microbundle.jar"));
  }

  private static Process start(int port, int metricsPort, Path home, Path log) {
    List<String> command =
        Processes.javaJar(
            runJar(),
            List.of("-Ddirectorline.metrics.port=" + metricsPort),
            "--port",
            String.valueOf(port));
    // A clean environment as a new user has it: no database, no demo password, no data dir.
    Map<String, String> environment = new HashMap<>();
    System.getenv().keySet().stream()
        .filter(name -> name.startsWith("DB_") || name.startsWith("DIRECTORLINE_"))
        .forEach(name -> environment.put(name, null));
    return Processes.start(command, environment, log, home);
  }

  private static Map<String, String> printedLogins(String output) {
    Map<String, String> logins = new HashMap<>();
    int banner = output.indexOf("DirectorLine: created");
    if (banner < 0) {
      return logins;
    }
    Matcher matcher =
        LOGIN.matcher(output.substring(banner, output.indexOf("shown only now", banner)));
    while (matcher.find()) {
      logins.put(matcher.group(1), matcher.group(2));
    }
    return logins;
  }
}
