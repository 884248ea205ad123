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
      "fish.payara.fail-all-connections=true"
    })
@ApplicationScoped
public class Database {
  public static final String JNDI_NAME = "java:app/jdbc/directorline";
}
