/**
 * Every error answer is RFC 9457 {@code application/problem+json}: {@code type}, {@code title},
 * {@code status}, {@code detail}, {@code instance}, {@code correlationId} and, for bad input,
 * {@code violations: [{field, message}]}. Components throw {@link
 * com.directorline.problems.boundary.ProblemException} subclasses named after the situation; the
 * mappers here turn those, the JAX-RS runtime's own errors, Bean Validation failures and anything
 * unexpected into problems. The servlet does the same for what the container answers itself.
 *
 * <p>Details never carry patient data or submitted values; a 500 carries only a correlation id that
 * is also in the log.
 */
package com.directorline.problems;
