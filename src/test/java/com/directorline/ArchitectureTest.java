package com.directorline;

import static org.assertj.core.api.Assertions.assertThat;

import com.directorline.audit.boundary.Audited;
import com.directorline.testing.ApplicationClasses;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.Entity;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

/** Rules the code must keep, checked over every compiled class of the application. */
class ArchitectureTest {

  /** The only operations anyone may call without signing in. */
  /** Anonymous by nature: signing in, and choosing a password with a one-time link. */
  private static final Set<String> PUBLIC_OPERATIONS =
      Set.of(
          "AuthResource.login",
          "AuthResource.session",
          "PasswordSetupResource.check",
          "PasswordSetupResource.choose");

  static List<Class<?>> applicationClasses() {
    return ApplicationClasses.all();
  }

  static List<Method> resourceMethods() throws IOException {
    List<Method> methods = new ArrayList<>();
    for (Class<?> type : applicationClasses()) {
      if (type.isAnnotationPresent(Path.class)) {
        for (Method method : type.getDeclaredMethods()) {
          if (Stream.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)
              .anyMatch(method::isAnnotationPresent)) {
            methods.add(method);
          }
        }
      }
    }
    return methods;
  }

  @Test
  void everyEndpointDeclaresWhoMayCallIt() throws IOException {
    List<Method> methods = resourceMethods();
    assertThat(methods).hasSizeGreaterThanOrEqualTo(9);
    for (Method method : methods) {
      String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
      boolean roles =
          method.isAnnotationPresent(RolesAllowed.class)
              || method.getDeclaringClass().isAnnotationPresent(RolesAllowed.class);
      boolean open = method.isAnnotationPresent(PermitAll.class);
      assertThat(roles || open).as(name + " declares @RolesAllowed or @PermitAll").isTrue();
      assertThat(open)
          .as(name + " is public only if listed")
          .isEqualTo(PUBLIC_OPERATIONS.contains(name));
    }
  }

  /** Components whose endpoints touch patient data or the trail itself. */
  private static final Set<String> AUDITED_COMPONENTS =
      Set.of(
          "com.directorline.emergencies",
          "com.directorline.audit",
          "com.directorline.chain",
          "com.directorline.compliance",
          "com.directorline.consent",
          "com.directorline.photos",
          "com.directorline.clinical",
          "com.directorline.chart",
          "com.directorline.followups");

  /** Endpoints there that touch neither, and why. */
  private static final Set<String> NOT_PATIENT_DATA =
      Set.of(
          "ChainResource.publicKey", // the checkpoint key's public half
          "ProtocolsResource.list", // the clinic's protocols, no patient in them
          "ProtocolsResource.publish",
          "DrillsResource.report", // drill timings and counts, no patient in them
          "ConsentTextsResource.list"); // the clinic's consent wording, no patient in it

  /**
   * Fails when an endpoint that touches patient data is not audited: its failures would go
   * unrecorded (AuditTrailIT checks that the successes are recorded, one event each).
   */
  @Test
  void everyEndpointTouchingPatientDataIsAudited() throws IOException {
    List<String> checked = new ArrayList<>();
    for (Method method : resourceMethods()) {
      String component = method.getDeclaringClass().getPackageName().replaceAll("\\.boundary$", "");
      String name = method.getDeclaringClass().getSimpleName() + "." + method.getName();
      if (!AUDITED_COMPONENTS.contains(component) || NOT_PATIENT_DATA.contains(name)) {
        continue;
      }
      checked.add(name);
      assertThat(method.isAnnotationPresent(Audited.class)).as(name + " is @Audited").isTrue();
    }
    assertThat(checked).contains("EmergenciesResource.get", "AuditEventsResource.export");
  }

  @Test
  void resourcesHaveABeanDefiningScopeSoInterceptorsApply() throws IOException {
    for (Class<?> type : applicationClasses()) {
      if (type.isAnnotationPresent(Path.class)) {
        assertThat(
                type.isAnnotationPresent(RequestScoped.class)
                    || type.isAnnotationPresent(ApplicationScoped.class))
            .as(type.getSimpleName())
            .isTrue();
      }
    }
  }

  @Test
  void resourcesNeverReturnEntities() throws IOException {
    for (Method method : resourceMethods()) {
      assertThat(method.getReturnType().isAnnotationPresent(Entity.class))
          .as(
              method.getDeclaringClass().getSimpleName()
                  + "."
                  + method.getName()
                  + " returns a record, not an entity")
          .isFalse();
    }
  }

  @Test
  void entitiesHaveNoPublicSetters() throws IOException {
    for (Class<?> type : applicationClasses()) {
      if (type.isAnnotationPresent(Entity.class)) {
        for (Method method : type.getDeclaredMethods()) {
          assertThat(Modifier.isPublic(method.getModifiers()) && method.getName().startsWith("set"))
              .as(type.getSimpleName() + "." + method.getName())
              .isFalse();
        }
      }
    }
  }

  /**
   * Payara 6.2025.10's OpenAPI scanner fails on constrained constructor parameters
   * (payara/Payara#7649), and a record's implicit constructor inherits its components' constraints:
   * such records declare their canonical constructor without annotations.
   */
  @Test
  void constrainedRecordsKeepTheirConstructorParametersPlain() throws IOException {
    for (Class<?> type : applicationClasses()) {
      if (!type.isRecord()) {
        continue;
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        for (Parameter parameter : constructor.getParameters()) {
          assertThat(Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType))
              .as(type.getSimpleName() + " constructor parameter " + parameter.getName())
              .noneMatch(a -> a.getPackageName().startsWith("jakarta.validation"));
        }
      }
    }
  }

  // --- components and their directions (docs/architecture.md) -------------------------------

  private static final List<ComponentRules.Source> SOURCES =
      ComponentRules.read(Paths.get("src/main/java"));

  private static String architectureDoc() throws IOException {
    return Files.readString(Paths.get("docs/architecture.md"));
  }

  @Test
  void componentsUseEachOtherExactlyAsDocsArchitectureMdDrawsAndListsThem() throws IOException {
    Map<String, Set<String>> graph = ComponentRules.componentGraph(SOURCES);
    assertThat(graph).containsKeys("problems", "platform", "audit", "emergencies");

    assertThat(ComponentRules.differences(graph, ComponentRules.documented(architectureDoc())))
        .as("docs/architecture.md, section Components, against the imports")
        .isEmpty();
  }

  @Test
  void noCycleBetweenComponents() {
    assertThat(ComponentRules.cycle(ComponentRules.componentGraph(SOURCES))).isEmpty();
  }

  @Test
  void noEntityOrControlImportsABoundary() {
    assertThat(ComponentRules.entitiesOrControlsImportingBoundaries(SOURCES)).isEmpty();
  }

  @Test
  void theGroundFloorImportsNoBusinessComponent() {
    assertThat(ComponentRules.importsOutside(SOURCES, "problems", Set.of("problems"))).isEmpty();
    assertThat(ComponentRules.importsOutside(SOURCES, "platform", Set.of("platform", "problems")))
        .isEmpty();
  }

  @Test
  void noFullyQualifiedNameHidesADependencyFromTheImports() {
    assertThat(SOURCES.stream().flatMap(source -> ComponentRules.inlineNames(source).stream()))
        .isEmpty();
  }

  @Test
  void everyComponentStatesItsJobInAPackageInfo() {
    assertThat(
            SOURCES.stream()
                .filter(source -> source.name().endsWith("package-info.java"))
                .map(source -> ComponentRules.component(source.packageName())))
        .containsExactlyInAnyOrderElementsOf(ComponentRules.componentGraph(SOURCES).keySet());
  }

  /** The rules above, shown to catch what they are for on the real code plus one planted class. */
  @Test
  void theComponentRulesCatchPlantedViolations() throws IOException {
    var entityImportingABoundary =
        planted(
            "com.directorline.emergencies.entity",
            "import com.directorline.emergencies.boundary.EmergenciesResource;");
    assertThat(ComponentRules.entitiesOrControlsImportingBoundaries(entityImportingABoundary))
        .singleElement()
        .asString()
        .contains("Planted.java imports com.directorline.emergencies.boundary.EmergenciesResource");

    var platformReachingUp =
        planted(
            "com.directorline.platform.control", "import com.directorline.identity.control.Users;");
    assertThat(
            ComponentRules.importsOutside(
                platformReachingUp, "platform", Set.of("platform", "problems")))
        .singleElement()
        .asString()
        .contains("imports com.directorline.identity.control.Users");
    Map<String, Set<String>> upwards = ComponentRules.componentGraph(platformReachingUp);
    assertThat(ComponentRules.cycle(upwards))
        .get(InstanceOfAssertFactories.list(String.class))
        .contains("platform", "identity");
    assertThat(ComponentRules.differences(upwards, ComponentRules.documented(architectureDoc())))
        .contains(
            "platform uses identity, which the table does not say",
            "platform (row 1) uses identity (row 3)");

    var trailReachingSessions =
        planted(
            "com.directorline.audit.control", "import com.directorline.sessions.control.Sessions;");
    assertThat(ComponentRules.cycle(ComponentRules.componentGraph(trailReachingSessions)))
        .get(InstanceOfAssertFactories.list(String.class))
        .contains("audit", "sessions");

    String claimed =
        architectureDoc()
            .replace(
                "| `platform`, `problems` |\n| `video`",
                "| `platform`, `problems`, `video` |\n| `video`");
    assertThat(
            ComponentRules.differences(
                ComponentRules.componentGraph(SOURCES), ComponentRules.documented(claimed)))
        .contains(
            "audit is documented to use video, but does not", "audit (row 2) uses video (row 2)");

    var hidden =
        new ComponentRules.Source(
            "Hidden.java",
            "package com.directorline.emergencies.control;\n\nclass Hidden {\n"
                + "  @Inject com.directorline.consent.control.Consents consents;\n"
                + "  // a comment may say com.directorline.consent.control.Consents\n"
                + "  String s = \"or a string, com.directorline.consent.control.Consents\";\n}\n");
    assertThat(ComponentRules.inlineNames(hidden))
        .containsExactly("Hidden.java:4 com.directorline.consent.control.Consents");
  }

  private static List<ComponentRules.Source> planted(String packageName, String importLine) {
    List<ComponentRules.Source> sources = new ArrayList<>(SOURCES);
    sources.add(
        new ComponentRules.Source(
            packageName.replace('.', '/') + "/Planted.java",
            "package " + packageName + ";\n\n" + importLine + "\n\nclass Planted {}\n"));
    return sources;
  }
}
