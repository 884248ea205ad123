package com.directorline.platform.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/** Declares the pooled application datasource; {@link ConfiguredDataSource} picks the driver. */
@DataSourceDefinition(
    name = Database.JNDI_NAME,
    className = "com.directorline.platform.control.ConfiguredDataSource",
    minPoolSize = 1,
    maxPoolSize = 32,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=auto-commit",
      "fish.payara.fail-all-connections=true",
      // A request waits at most two seconds for a connection, then answers 503.
      "fish.payara.max-wait-time-in-millis=2000",
      // Payara retries a failed connection for ten seconds by default; the caller gets 503 first.
      "fish.payara.connection-creation-retry-attempts=0"
    })
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/directorline";
}
