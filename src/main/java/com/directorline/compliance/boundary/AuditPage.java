package com.directorline.compliance.boundary;

import java.util.List;

/**
 * A page of search results, newest first. {@code total} counts the matches up to 1000; {@code
 * totalExact} is false when more match (narrow the filters, or export).
 */
public record AuditPage(
    List<AuditEventView> items, int page, int size, long total, boolean totalExact) {}
