package com.directorline.problems.entity;

/** One thing wrong with the input: the field's JSON path and what is wrong, never its value. */
public record Violation(String field, String message) {}
