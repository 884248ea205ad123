/**
 * The database schema: Flyway applies {@code db/migration} at startup, before any other component
 * touches the database, and readiness reports whether that succeeded and the database still
 * answers.
 *
 * <p>Out of scope: JPA schema generation (off), data seeding (each component seeds its own).
 */
package com.directorline.schema;
