package com.directorline.platform.boundary;

import com.directorline.platform.entity.PlainText;
import com.directorline.problems.entity.InvalidInput;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.ext.Provider;
import java.util.regex.Pattern;

/**
 * Refuses query parameters and path segments that hold characters no person types ({@link
 * PlainText}), with 400 naming the parameter, before any resource sees them: {@code
 * ?patientRef=%00} used to reach PostgreSQL and end in a 500. JSON bodies are checked by {@link
 * JsonBodyReader}, headers by the resources that read them.
 */
@Provider
@PreMatching
public class PlainTextParameters implements ContainerRequestFilter {

  /** A parameter's name is client text too: it is named only when it looks like a name. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");

  @Override
  public void filter(ContainerRequestContext request) {
    for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
      if (PlainText.hasForbidden(segment.getPath())) {
        throw InvalidInput.of("path", PlainText.RULE);
      }
    }
    request
        .getUriInfo()
        .getQueryParameters(true)
        .forEach(
            (name, values) -> {
              String field = NAME.matcher(name).matches() ? name : "query";
              if (PlainText.hasForbidden(name)
                  || values.stream().anyMatch(PlainText::hasForbidden)) {
                throw InvalidInput.of(field, PlainText.RULE);
              }
            });
  }
}
