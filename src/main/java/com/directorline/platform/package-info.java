/**
 * The ground every component stands on: the datasource, the data directory and generated
 * development keys, the clock, dedicated worker threads, strict JSON binding of request bodies,
 * where a request came from ({@code RequestOrigin}, {@code ClientAddress}), the hardening headers
 * on every answer, liveness, and the roles written into {@code /openapi}.
 *
 * <p>Out of scope: business rules of any kind. It imports nothing of the application but the
 * problem vocabulary.
 */
package com.directorline.platform;
