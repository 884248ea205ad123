/**
 * The ground floor: how anything goes wrong, said the same way everywhere. Every error answer is
 * RFC 9457 {@code application/problem+json}: {@code type}, {@code title}, {@code status}, {@code
 * detail}, {@code instance}, {@code correlationId} and, for bad input, {@code violations: [{field,
 * message}]}.
 *
 * <p>{@code entity}: the vocabulary any entity or control may throw, one class per status ({@code
 * BadRequest}, {@code InvalidInput}, {@code Forbidden}, {@code NotFound}, {@code Conflict}...),
 * which components subclass per situation ({@code NotParticipant}, {@code AccountLocked}); no code
 * outside this package writes a status number. {@code boundary}: the request's correlation id, the
 * mappers that render those, the JAX-RS runtime's own errors, Bean Validation failures and anything
 * unexpected, and the servlet that does the same for what the container answers itself.
 *
 * <p>Details never carry patient data or submitted values; a 500 carries only a correlation id that
 * is also in the log. This package imports nothing of the application.
 */
package com.directorline.problems;
