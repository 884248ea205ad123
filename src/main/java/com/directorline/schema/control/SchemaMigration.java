package com.directorline.schema.control;

import com.directorline.platform.control.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations at startup. Startup beans that use the database declare
 * {@code @DependsOn("SchemaMigration")}. Bean-managed transactions because Flyway handles its own.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  private volatile String appliedVersion;

  @PostConstruct
  void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .validateMigrationNaming(true)
            .load();
    MigrateResult result = flyway.migrate();
    appliedVersion = flyway.info().current().getVersion().getVersion();
    LOG.info(
        () ->
            "schema at version "
                + appliedVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }

  /** The schema version in force, or empty before the migrations ran. */
  public String appliedVersion() {
    return appliedVersion == null ? "" : appliedVersion;
  }
}
