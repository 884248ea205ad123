package com.directorline.platform.boundary;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Writes each operation's allowed roles into {@code /openapi} ({@code x-roles} and the
 * description), taken from the same {@code @RolesAllowed} the server enforces, so the document
 * cannot drift from the code.
 */
public class RolesInOpenApi implements OASFilter {

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    Map<String, List<String>> roles = rolesByOperation();
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) ->
                item.getOperations()
                    .forEach(
                        (method, operation) ->
                            annotate(operation, roles.get(key(method.name(), path)))));
  }

  private static void annotate(Operation operation, List<String> roles) {
    if (roles == null) {
      return;
    }
    operation.addExtension("x-roles", roles);
    String who =
        roles.equals(PUBLIC)
            ? "Anyone (no sign-in needed)."
            : "Roles: " + String.join(", ", roles) + ".";
    String description = operation.getDescription();
    operation.setDescription(description == null ? who : who + " " + description);
  }

  static Map<String, List<String>> rolesByOperation() {
    Map<String, List<String>> result = new HashMap<>();
    for (Bean<?> bean : CDI.current().getBeanManager().getBeans(Object.class, new AnyLiteral())) {
      Class<?> type = bean.getBeanClass();
      Path classPath = type.getAnnotation(Path.class);
      if (classPath == null || !type.getPackageName().startsWith("com.directorline")) {
        continue;
      }
      for (Method method : type.getMethods()) {
        String httpMethod = httpMethodOf(method);
        if (httpMethod == null) {
          continue;
        }
        Path methodPath = method.getAnnotation(Path.class);
        String path = "/api/" + trim(classPath.value());
        if (methodPath != null && !trim(methodPath.value()).isEmpty()) {
          path += "/" + trim(methodPath.value());
        }
        result.put(key(httpMethod, path), rolesOf(method));
      }
    }
    return result;
  }

  /** Marks operations anyone may call; Payara drops an empty list from the document. */
  static final List<String> PUBLIC = List.of("PUBLIC");

  static List<String> rolesOf(Method method) {
    if (method.isAnnotationPresent(PermitAll.class)) {
      return PUBLIC;
    }
    RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
    if (allowed == null) {
      allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
    }
    return allowed == null ? List.of("none (denied)") : List.of(allowed.value());
  }

  private static String httpMethodOf(Method method) {
    for (Class<? extends Annotation> verb :
        List.of(GET.class, POST.class, PUT.class, PATCH.class, DELETE.class)) {
      if (method.isAnnotationPresent(verb)) {
        return verb.getAnnotation(HttpMethod.class).value();
      }
    }
    return null;
  }

  private static String trim(String path) {
    String p = path.strip();
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  private static String key(String httpMethod, String path) {
    return httpMethod.toUpperCase() + " " + path;
  }

  private static final class AnyLiteral extends AnnotationLiteral<Any> implements Any {}
}
