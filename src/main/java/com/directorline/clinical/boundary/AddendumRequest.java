package com.directorline.clinical.boundary;

import com.directorline.platform.entity.PlainText;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of an addendum to a signed record. */
@Schema(description = "What the addendum corrects or adds, in plain words.")
public record AddendumRequest(
    @NotNull(message = "is required: what to add to the signed record")
        @Size(max = 4000, message = "must be at most 4000 characters")
        @Pattern(regexp = PlainText.NOT_BLANK, message = "must not be blank")
        String text) {

  // Payara's OpenAPI scanner fails on constrained constructor parameters (payara/Payara#7649).
  public AddendumRequest(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return "AddendumRequest[" + (text == null ? 0 : text.length()) + " characters]";
  }
}
