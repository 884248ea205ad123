package com.directorline.clinical.boundary;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of the read-back: when the order was given, if not just now. */
@Schema(description = "When the order was given (ISO-8601); now when absent.")
public record GivenRequest(Instant givenAt) {}
