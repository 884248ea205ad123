package com.directorline.schema.control;

import com.directorline.platform.control.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

  /** Tables the application may only insert into and read. */
  static final List<String> APPEND_ONLY =
      List.of(
          "audit_event",
          "audit_chain",
          "audit_checkpoint",
          "audit_review",
          "consent_text",
          "consent_record",
          "consent_revocation",
          "consent_exception",
          "checklist_tick",
          "medication_order",
          "medication_given",
          "incident_signature",
          "incident_addendum");

  private volatile String appliedVersion;

  @Inject
  @ConfigProperty(name = "db.url")
  String url;

  @Inject
  @ConfigProperty(name = "db.user", defaultValue = "")
  String appUser;

  @Inject
  @ConfigProperty(name = "db.migration.user")
  Optional<String> migrationUser;

  @Inject
  @ConfigProperty(name = "db.migration.password")
  Optional<String> migrationPassword;

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    var configuration =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            // Portable migrations, then those only one database understands (triggers).
            .locations("classpath:db/migration", "classpath:db/vendor/" + vendor())
            .validateMigrationNaming(true);
    boolean separateOwner =
        migrationUser.filter(u -> !u.isBlank() && !u.equals(appUser)).isPresent();
    if (separateOwner) {
      configuration.dataSource(url, migrationUser.get(), migrationPassword.orElse(""));
    } else {
      configuration.dataSource(dataSource);
    }
    Flyway flyway = configuration.load();
    MigrateResult result = flyway.migrate();
    if (url.startsWith("jdbc:postgresql:")) {
      grantAppendOnly(flyway, separateOwner);
    }
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

  /**
   * The application's role may read and write the tables but never change or remove audit rows.
   * With a separate owner (db.migration.user) the role gets exactly that; with one role for both,
   * the owner gives up those rights on the append-only tables itself. Run after every migration, so
   * tables added later are covered.
   */
  private void grantAppendOnly(Flyway flyway, boolean separateOwner) {
    String role = separateOwner ? quoted(appUser) : "CURRENT_USER";
    String tables = String.join(", ", APPEND_ONLY);
    try (Connection connection = flyway.getConfiguration().getDataSource().getConnection();
        Statement statement = connection.createStatement()) {
      if (separateOwner) {
        statement.execute("GRANT USAGE ON SCHEMA public TO " + role);
        statement.execute(
            "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO " + role);
        statement.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO " + role);
        statement.execute("REVOKE INSERT, UPDATE, DELETE ON flyway_schema_history FROM " + role);
      }
      statement.execute("REVOKE UPDATE, DELETE, TRUNCATE ON " + tables + " FROM " + role);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot set the grants on the append-only tables (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private String vendor() {
    return url.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
  }

  private static String quoted(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  /** The schema version in force, or empty before the migrations ran. */
  public String appliedVersion() {
    return appliedVersion == null ? "" : appliedVersion;
  }
}
