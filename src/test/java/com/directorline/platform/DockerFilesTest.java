package com.directorline.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here, so the files in docker/ are checked by reading them: what the build
 * context may carry, that every service comes back after a crash or a reboot, and that a fresh
 * deployment is a production one (no demo clinic, a real Jitsi server); that the instances are
 * configured alike with real configuration keys and shared keys from secrets, that Jitsi verifies
 * DirectorLine's tokens with the same app id and secret, and that the proxy's backends are the
 * instances.
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

  /** The services of docker/compose.yaml, anchors and merge keys resolved. */
  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> environment = new TreeMap<>();
    ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
        .forEach((k, v) -> environment.put(k, String.valueOf(v)));
    return environment;
  }

  /** The DirectorLine instances: the services built from this repository. */
  private static Map<String, Map<String, Object>> instances() throws IOException {
    Map<String, Map<String, Object>> instances = new TreeMap<>();
    services()
        .forEach(
            (name, service) -> {
              if (service.containsKey("build")) {
                instances.put(name, service);
              }
            });
    return instances;
  }

  @Test
  void everyServiceRestartsAndAFreshDeploymentIsAProductionOne() throws IOException {
    Map<String, Map<String, Object>> services = services();
    assertThat(services)
        .containsKeys("db", "proxy", "jitsi-web", "jitsi-prosody", "jitsi-jicofo", "jitsi-jvb");
    services.forEach(
        (name, service) -> assertThat(service.get("restart")).as(name).isEqualTo("unless-stopped"));
    assertThat(instances()).as("two DirectorLine replicas").hasSizeGreaterThanOrEqualTo(2);
    for (var instance : instances().entrySet()) {
      Map<String, String> environment = environment(instance.getValue());
      assertThat(environment)
          .as(instance.getKey())
          .containsEntry("DIRECTORLINE_DEMO_DATA", "${DIRECTORLINE_DEMO_DATA:-false}");
      assertThat(environment.get("DIRECTORLINE_JITSI_DOMAIN"))
          .as("no default Jitsi domain where no Jitsi runs")
          .startsWith("${DIRECTORLINE_JITSI_DOMAIN:?");
    }
  }

  @Test
  void everyInstanceSettingIsAConfigurationKeyAndTheInstancesShareDatabaseKeysAndJitsi()
      throws IOException {
    Set<String> documented =
        Pattern.compile("(?m)^\\| `([a-z][\\w.-]*)` \\|")
            .matcher(Files.readString(Path.of("docs", "configuration.md")))
            .results()
            .map(m -> m.group(1).replaceAll("[^A-Za-z0-9]", "_").toUpperCase())
            .collect(Collectors.toSet());
    Map<String, String> first = null;
    for (var instance : instances().entrySet()) {
      Map<String, String> environment = environment(instance.getValue());
      assertThat(environment.keySet())
          .as(instance.getKey() + ": every variable is a key of docs/configuration.md")
          .allMatch(documented::contains);
      if (first == null) {
        first = environment;
      } else {
        assertThat(environment).as("the instances are configured alike").isEqualTo(first);
      }
    }
    assertThat(first).isNotNull();
    // Keys every instance must share come from files, never generated per instance.
    for (String key :
        List.of(
            "DIRECTORLINE_TOKEN_PRIVATE_KEY_FILE",
            "DIRECTORLINE_AUDIT_SIGNING_KEYSET_FILE",
            "DIRECTORLINE_PHOTOS_MASTER_KEYSET_FILE")) {
      assertThat(first.get(key)).as(key).startsWith("/run/secrets/");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theKeysAreSecretsAndThePhotoKeysetLivesApartFromTheOthers() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    Map<String, Map<String, String>> secrets =
        (Map<String, Map<String, String>>) compose.get("secrets");
    for (var instance : instances().entrySet()) {
      Map<String, String> environment = environment(instance.getValue());
      List<String> mounted = (List<String>) instance.getValue().get("secrets");
      for (String key :
          List.of(
              "DIRECTORLINE_TOKEN_PRIVATE_KEY_FILE",
              "DIRECTORLINE_AUDIT_SIGNING_KEYSET_FILE",
              "DIRECTORLINE_PHOTOS_MASTER_KEYSET_FILE")) {
        String secret = environment.get(key).substring("/run/secrets/".length());
        assertThat(mounted).as(instance.getKey() + " mounts " + secret).contains(secret);
        assertThat(secrets).containsKey(secret);
      }
      // Each instance has its own data volume (Payara's root); none holds the keys.
      assertThat((List<String>) instance.getValue().get("volumes"))
          .anyMatch(v -> v.startsWith(instance.getKey() + "-data:/data"));
    }
    String photo = secrets.get("photo-master-keyset").get("file");
    String token = secrets.get("token-signing-key").get("file");
    assertThat(photo)
        .as("photo keyset not in the other keys' directory")
        .doesNotContain(token.substring(0, token.indexOf('}') + 1));
  }

  @Test
  void jitsiAdmitsOnlyTokensSignedWithDirectorLinesAppIdAndSecret() throws IOException {
    Map<String, Map<String, Object>> services = services();
    Map<String, String> prosody = environment(services.get("jitsi-prosody"));
    assertThat(prosody)
        .containsEntry("ENABLE_AUTH", "1")
        .containsEntry("AUTH_TYPE", "jwt")
        .containsEntry("ENABLE_GUESTS", "0");
    assertThat(environment(services.get("jitsi-web"))).containsEntry("ENABLE_AUTH", "1");
    assertThat(environment(services.get("jitsi-jicofo"))).containsEntry("AUTH_TYPE", "jwt");
    for (var instance : instances().entrySet()) {
      Map<String, String> app = environment(instance.getValue());
      assertThat(variable(app.get("DIRECTORLINE_JITSI_APP_SECRET")))
          .as("one secret: DirectorLine signs with what prosody verifies with")
          .isEqualTo(variable(prosody.get("JWT_APP_SECRET")))
          .isNotNull();
      assertThat(variable(app.get("DIRECTORLINE_JITSI_APP_ID")))
          .isEqualTo(variable(prosody.get("JWT_APP_ID")))
          .isEqualTo(variable(prosody.get("JWT_ACCEPTED_ISSUERS")))
          .isNotNull();
      assertThat(app.get("DIRECTORLINE_JITSI_AUDIENCE"))
          .isEqualTo(prosody.get("JWT_ACCEPTED_AUDIENCES"));
      assertThat(app.get("DIRECTORLINE_JITSI_SUBJECT")).isEqualTo(prosody.get("XMPP_DOMAIN"));
    }
  }

  @Test
  void theProxyRoutesToEveryInstanceAndChecksItsReadiness() throws IOException {
    String config = Files.readString(Path.of("docker", "haproxy.cfg"));
    assertThat(config).contains("option httpchk GET /health/ready");
    List<String> backendVariables =
        Pattern.compile("(?m)^\\s*server \\S+ \"\\$\\{(\\w+)}\" check")
            .matcher(config)
            .results()
            .map(m -> m.group(1))
            .toList();
    Map<String, String> proxy = environment(services().get("proxy"));
    List<String> backends =
        backendVariables.stream().map(v -> proxy.get(v).replaceAll(":\\d+$", "")).toList();
    assertThat(backends).containsExactlyInAnyOrderElementsOf(instances().keySet());
    String directives = config.replaceAll("(?m)^\\s*#.*$", "");
    assertThat(directives)
        .as("no sticky sessions")
        .doesNotContain("cookie")
        .doesNotContain("stick");
  }

  /** The variable a compose value takes, e.g. {@code ${X:?why}} is X. */
  private static String variable(String value) {
    Matcher m = Pattern.compile("^\\$\\{(\\w+)").matcher(value == null ? "" : value);
    return m.find() ? m.group(1) : null;
  }
}
