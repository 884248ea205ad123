package com.directorline.schema.control;

/**
 * Fired once at startup after the migrations were applied; components that seed or check data at
 * startup observe it, so they never run against an old schema.
 */
public record SchemaMigrated(String version) {}
