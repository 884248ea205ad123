package com.directorline.problems.boundary;

import com.directorline.problems.entity.InvalidInput;
import com.directorline.problems.entity.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures become 400 with one violation per field, named by its JSON path. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Violation> violations = new ArrayList<>();
    for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
      violations.add(
          new Violation(
              fieldOf(violation.getPropertyPath(), violation.getRootBeanClass()),
              violation.getMessage()));
    }
    violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
    return Problems.render(new InvalidInput(violations).problem(), request);
  }

  /**
   * {@code create.body.username} becomes {@code username}; a violation on a query, path or header
   * parameter is named as the client sends it; one on the whole entity is {@code body}.
   */
  static String fieldOf(Path path, Class<?> resource) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    Path.MethodNode method = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD) {
        method = node.as(Path.MethodNode.class);
        continue;
      }
      if (node.getKind() == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter =
            clientName(resource, method, node.as(Path.ParameterNode.class).getParameterIndex());
        continue;
      }
      // A node inside a list is marked on itself, but the index belongs to the list before it:
      // hours[0].opens, not hours.opens[0]; a list's own element (List<@NotNull X>) is the index.
      if (node.isInIterable() && field.length() > 0) {
        Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
        if (at != null) {
          field.append('[').append(at).append(']');
        }
      }
      if (node.getKind() == ElementKind.CONTAINER_ELEMENT || node.getName() == null) {
        continue;
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(node.getName());
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return parameter == null ? "body" : parameter;
  }

  private static String clientName(Class<?> resource, Path.MethodNode method, int index) {
    if (resource == null || method == null) {
      return "body";
    }
    try {
      Parameter parameter =
          resource.getMethod(method.getName(), method.getParameterTypes().toArray(Class<?>[]::new))
              .getParameters()[index];
      if (parameter.isAnnotationPresent(QueryParam.class)) {
        return parameter.getAnnotation(QueryParam.class).value();
      }
      if (parameter.isAnnotationPresent(PathParam.class)) {
        return parameter.getAnnotation(PathParam.class).value();
      }
      if (parameter.isAnnotationPresent(HeaderParam.class)) {
        return parameter.getAnnotation(HeaderParam.class).value();
      }
    } catch (NoSuchMethodException | ArrayIndexOutOfBoundsException e) {
      // fall through: the entity
    }
    return "body";
  }
}
