package com.directorline.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * A fresh PostgreSQL database for this test run, created on first use on the server named by {@code
 * TEST_DB_HOST/PORT/USER/PASSWORD} in the environment or {@code -Dtest.db.host} etc. (defaults:
 * 127.0.0.1:5432, postgres, trust auth) and dropped when the JVM ends, so runs never see each
 * other's data.
 */
public final class TestDatabase {

  private static volatile TestDatabase instance;

  private final String name;

  private TestDatabase(String name) {
    this.name = name;
  }

  public static TestDatabase get() {
    TestDatabase db = instance;
    if (db == null) {
      synchronized (TestDatabase.class) {
        db = instance;
        if (db == null) {
          db = create();
          instance = db;
        }
      }
    }
    return db;
  }

  /** One more fresh database, for tests that must not share the run's (dropped at exit too). */
  public static TestDatabase createAnother() {
    return create();
  }

  private static TestDatabase create() {
    String name =
        "directorline_it_"
            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
            + "_"
            + UUID.randomUUID().toString().substring(0, 8);
    execute("CREATE DATABASE " + name);
    // The application's own role, apart from the owner that runs the migrations, as in
    // production: it may not change or remove audit rows (docs/operations.md).
    execute("CREATE ROLE " + name + "_app LOGIN");
    TestDatabase db = new TestDatabase(name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                  execute("DROP ROLE IF EXISTS " + name + "_app");
                }));
    return db;
  }

  private static void execute(String sql) {
    try (Connection connection =
            DriverManager.getConnection(serverUrl("postgres"), user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at "
              + host()
              + ":"
              + port()
              + " is needed for the integration tests: "
              + e.getMessage(),
          e);
    }
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user(), password());
  }

  /** The login role a server uses when it runs with a separate migration owner. */
  public String appRole() {
    return name + "_app";
  }

  /** Connects as the application's role (trust authentication on the test server). */
  public Connection connectAsApp() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), appRole(), "");
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return serverUrl(name);
  }

  private static String serverUrl(String database) {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
  }

  /** The environment wins over -D, which wins over the default for these machines. */
  private static String setting(String environment, String property, String fallback) {
    String value = System.getenv(environment);
    if (value != null && !value.isBlank()) {
      return value;
    }
    value = System.getProperty(property);
    return value == null || value.isBlank() ? fallback : value;
  }

  public static String host() {
    return setting("TEST_DB_HOST", "test.db.host", "127.0.0.1");
  }

  public static String port() {
    return setting("TEST_DB_PORT", "test.db.port", "5432");
  }

  public static String user() {
    return setting("TEST_DB_USER", "test.db.user", "postgres");
  }

  public static String password() {
    return setting("TEST_DB_PASSWORD", "test.db.password", "");
  }
}
