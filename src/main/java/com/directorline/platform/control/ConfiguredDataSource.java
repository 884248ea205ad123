package com.directorline.platform.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The application's datasource, chosen by the configured URL: PostgreSQL in production, the
 * embedded H2 file database by default.
 *
 * <p>Payara pools connections on top of this class (see {@link Database}). It reads {@code db.url},
 * {@code db.user} and {@code db.password} from MicroProfile Config itself so that switching
 * databases is one environment variable ({@code DB_URL}) and an absent password is simply absent,
 * rather than the unresolved placeholder {@code @DataSourceDefinition} would pass.
 */
public class ConfiguredDataSource implements DataSource {

  private volatile DataSource delegate;
  private PrintWriter logWriter;
  private int loginTimeout;

  DataSource delegate() {
    DataSource current = delegate;
    if (current == null) {
      synchronized (this) {
        current = delegate;
        if (current == null) {
          current = create(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()));
          delegate = current;
        }
      }
    }
    return current;
  }

  static DataSource create(Config config) {
    String url = config.getValue("db.url", String.class);
    String user = config.getOptionalValue("db.user", String.class).orElse("");
    String password = config.getOptionalValue("db.password", String.class).orElse("");
    if (url.startsWith("jdbc:postgresql:")) {
      PGSimpleDataSource postgres = new PGSimpleDataSource();
      postgres.setURL(url);
      if (!user.isEmpty()) {
        postgres.setUser(user);
      }
      if (!password.isEmpty()) {
        postgres.setPassword(password);
      }
      postgres.setApplicationName("directorline");
      // An unreachable database answers within about two seconds (503, see DatabaseUnavailable),
      // not after the driver's default ten; a dead connection mid-query gives up after a minute.
      postgres.setConnectTimeout(2);
      postgres.setLoginTimeout(2);
      postgres.setSocketTimeout(60);
      // EclipseLink binds the UUIDs of element collections as varchar; untyped string
      // parameters let PostgreSQL infer uuid from the column instead of refusing the insert.
      postgres.setStringType("unspecified");
      // PostgreSQL's error detail quotes the offending values ("Key (x)=(...)"): keep it out of
      // exception messages, which can end up in logs.
      postgres.setLogServerErrorDetail(false);
      return postgres;
    }
    if (url.startsWith("jdbc:h2:")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL(url);
      h2.setUser(user);
      h2.setPassword(password);
      return h2;
    }
    // The URL itself may carry credentials, so it is not repeated here.
    throw new IllegalStateException(
        "db.url must start with jdbc:postgresql: (production) or jdbc:h2: (embedded default)");
  }

  /**
   * A connection of its own, outside the pool and its transactions, for work that holds one for as
   * long as the application runs (PostgreSQL's LISTEN: a pooled connection would be handed to
   * others and lose it).
   */
  public static Connection unpooled() throws SQLException {
    return create(ConfigProvider.getConfig(ConfiguredDataSource.class.getClassLoader()))
        .getConnection();
  }

  /** The database product the URL names, for the few places where SQL differs. */
  public static boolean isPostgres(Config config) {
    return config.getValue("db.url", String.class).startsWith("jdbc:postgresql:");
  }

  @Override
  public Connection getConnection() throws SQLException {
    return StatementCounts.counting(delegate().getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    // Credentials come from configuration; the pool's own user and password are not used.
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return logWriter;
  }

  @Override
  public void setLogWriter(PrintWriter out) {
    this.logWriter = out;
  }

  @Override
  public void setLoginTimeout(int seconds) {
    this.loginTimeout = seconds;
  }

  @Override
  public int getLoginTimeout() {
    return loginTimeout;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return delegate().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || delegate().isWrapperFor(iface);
  }
}
