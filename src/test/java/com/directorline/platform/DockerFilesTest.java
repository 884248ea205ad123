package com.directorline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * No Docker engine runs here, so the files in docker/ are checked by reading them: what the build
 * context may carry, that every service comes back after a crash or a reboot, and that a fresh
 * deployment is a production one (no demo clinic, a real Jitsi server).
 */
class DockerFilesTest {

  private static final Path COMPOSE = Path.of("docker", "compose.yaml");

  @Test
  void theBuildContextCarriesOnlyWhatTheImageIsBuiltFrom() throws IOException {
    List<String> rules =
        Files.readAllLines(Path.of(".dockerignore")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    assertThat(rules)
        .as("everything out, then only pom.xml and src back in")
        .first()
        .isEqualTo("*");
    assertThat(rules.subList(1, rules.size())).containsExactlyInAnyOrder("!pom.xml", "!src");

    Matcher copies =
        Pattern.compile("(?m)^COPY (?!--from)(\\S+)")
            .matcher(Files.readString(Path.of("docker", "Dockerfile")));
    while (copies.find()) {
      assertThat(copies.group(1))
          .as("the Dockerfile copies from the context")
          .isIn("pom.xml", "src");
    }
  }

  @Test
  void everyServiceRestartsAndAFreshDeploymentIsAProductionOne() throws IOException {
    String compose = Files.readString(COMPOSE);
    String services =
        compose.substring(compose.indexOf("\nservices:"), compose.indexOf("\nvolumes:"));
    List<String> names =
        Pattern.compile("(?m)^  (\\w[\\w-]*):$")
            .matcher(services)
            .results()
            .map(m -> m.group(1))
            .toList();
    assertThat(names).contains("db", "app");
    for (String name : names) {
      int start = services.indexOf("\n  " + name + ":");
      int next = services.indexOf("\n  ", start + 3);
      while (next >= 0 && services.startsWith("\n   ", next)) {
        next = services.indexOf("\n  ", next + 3);
      }
      String block = services.substring(start, next < 0 ? services.length() : next);
      assertThat(block).as(name).contains("restart: unless-stopped");
    }
    assertThat(compose).contains("DIRECTORLINE_DEMO_DATA: ${DIRECTORLINE_DEMO_DATA:-false}");
    assertThat(compose)
        .as("no default Jitsi domain where no Jitsi runs")
        .containsPattern("DIRECTORLINE_JITSI_DOMAIN: \\$\\{DIRECTORLINE_JITSI_DOMAIN:\\?");
  }
}
