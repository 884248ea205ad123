package com.directorline.problems.boundary;

import com.directorline.problems.entity.Violation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
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
      violations.add(new Violation(fieldOf(violation.getPropertyPath()), violation.getMessage()));
    }
    violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
    return Problems.render(new InvalidInput(violations).problem(), request);
  }

  /**
   * {@code create.body.username} becomes {@code username}; a violation on a query parameter keeps
   * the parameter's name; one on the whole body is {@code body}.
   */
  static String fieldOf(Path path) {
    StringBuilder field = new StringBuilder();
    String parameter = null;
    for (Path.Node node : path) {
      if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
        continue;
      }
      if (node.getKind() == ElementKind.PARAMETER) {
        parameter = node.getName();
        continue;
      }
      if (node.getName() == null) {
        continue;
      }
      if (field.length() > 0) {
        field.append('.');
      }
      field.append(node.getName());
      if (node.getIndex() != null) {
        field.append('[').append(node.getIndex()).append(']');
      }
    }
    if (field.length() > 0) {
      return field.toString();
    }
    return parameter == null || parameter.startsWith("arg") ? "body" : parameter;
  }
}
