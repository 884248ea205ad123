package com.directorline.schema.control;

import com.directorline.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations when the application starts, then announces {@link SchemaMigrated}. A CDI
 * observer rather than an EJB startup singleton: the application uses no other EJB feature, and not
 * starting the EJB container saves about 1.5 s of boot (docs/performance.md). The deployment
 * completes only after this returns, so readiness never sees an old schema.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = Database.JNDI_NAME)
  DataSource dataSource;

  @Inject Event<SchemaMigrated> migrated;

  private volatile String appliedVersion;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
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
    migrated.fire(new SchemaMigrated(appliedVersion));
  }

  /** The schema version in force, or empty before the migrations ran. */
  public String appliedVersion() {
    return appliedVersion == null ? "" : appliedVersion;
  }
}
