package com.directorline.compliance.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of search results, newest first. {@code total} counts the matches up to 1000; {@code
 * totalExact} is false when more match (narrow the filters, or export). {@code nextCursor}, when
 * there are older events, is what to send as {@code after} for the next page.
 */
public record AuditPage(
    List<AuditEventView> items,
    int page,
    int size,
    long total,
    boolean totalExact,
    @Schema(
            description =
                "Send as after for the next (older) page; absent on the last. Paging by cursor"
                    + " costs the same at any depth; by page number it grows with the depth.")
        String nextCursor) {}
