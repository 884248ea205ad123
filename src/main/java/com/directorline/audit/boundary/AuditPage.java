package com.directorline.audit.boundary;

import java.util.List;

/** A page of search results, newest first. */
public record AuditPage(List<AuditEventView> items, int page, int size, long total) {}
