/**
 * The ground every component stands on: the JAX-RS application under {@code /api}, the datasource,
 * the data directory, the clock, strict JSON binding of request bodies, request correlation ids and
 * the HTTP hardening shared by all endpoints.
 *
 * <p>Out of scope: business rules of any kind.
 */
package com.directorline.platform;
