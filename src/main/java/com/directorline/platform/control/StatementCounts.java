package com.directorline.platform.control;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Queue;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Counts the SQL statements and commits one request costs, the work it hands to background threads
 * included (alert deliveries run after the answer), and logs them when the last of that work ends:
 * {@code sql <correlation id> POST /api/emergencies: 14 statements, 2 commits}. Off unless {@code
 * directorline.db.count-statements} is true: it is the measuring instrument for the cost of a
 * request (docs/performance.md), and finds a query issued once per row when a page slows down.
 *
 * <p>A statement is one round trip to the database: an {@code execute*} call, a batch counting
 * once. A commit is a {@link Connection#commit()}, which the container calls for every transaction
 * it ends, whether or not it wrote.
 */
public final class StatementCounts {

  private static final Logger LOG = Logger.getLogger(StatementCounts.class.getName());

  /** Whether counting (and listing) is on; read once, at the first connection or request. */
  private static final class Switch {
    static final boolean ON = flag("directorline.db.count-statements");
    static final boolean LIST = ON && flag("directorline.db.list-statements");

    private static boolean flag(String key) {
      return ConfigProvider.getConfig(StatementCounts.class.getClassLoader())
          .getOptionalValue(key, Boolean.class)
          .orElse(false);
    }
  }

  private static final ThreadLocal<Tally> CURRENT = new ThreadLocal<>();
  private static final Pattern ID_SEGMENT =
      Pattern.compile("/(?:[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}|[0-9]+)(?=/|$)");

  private StatementCounts() {}

  public static boolean enabled() {
    return Switch.ON;
  }

  /**
   * One request's count, open while the request or any work it handed on runs. Closing the
   * request's hold logs the count once nothing holds it any more.
   */
  public static final class Tally implements AutoCloseable {
    private final String name;
    private final AtomicInteger statements = new AtomicInteger();
    private final AtomicInteger commits = new AtomicInteger();
    private final AtomicInteger holds = new AtomicInteger(1);
    private final Queue<String> listed = new ConcurrentLinkedQueue<>();

    Tally(String name) {
      this.name = name;
    }

    public int statements() {
      return statements.get();
    }

    public int commits() {
      return commits.get();
    }

    private Tally hold() {
      holds.incrementAndGet();
      return this;
    }

    @Override
    public void close() {
      if (holds.decrementAndGet() == 0) {
        LOG.info(
            () ->
                "sql "
                    + name
                    + ": "
                    + statements
                    + " statements, "
                    + commits
                    + " commits"
                    + String.join("", listed));
      }
    }
  }

  /** Starts counting for a request on this thread; null when counting is off. */
  public static Tally open(String correlationId, String method, String path) {
    if (!enabled()) {
      return null;
    }
    Tally tally =
        new Tally(
            correlationId + " " + method + " " + ID_SEGMENT.matcher(path).replaceAll("/{id}"));
    CURRENT.set(tally);
    return tally;
  }

  /** Ends the request's own hold on its count (work it handed on may still add to it). */
  public static void closeRequest(Tally tally) {
    if (tally != null) {
      CURRENT.remove();
      tally.close();
    }
  }

  /** The task, counting into this thread's request when it runs on another thread. */
  static Runnable carry(Runnable task) {
    Tally tally = CURRENT.get();
    if (tally == null) {
      return task;
    }
    tally.hold();
    return () -> {
      Tally before = CURRENT.get();
      CURRENT.set(tally);
      try {
        task.run();
      } finally {
        restore(before);
        tally.close();
      }
    };
  }

  /** As {@link #carry(Runnable)}, for a task with a result. */
  static <V> Callable<V> carry(Callable<V> task) {
    Tally tally = CURRENT.get();
    if (tally == null) {
      return task;
    }
    tally.hold();
    return () -> {
      Tally before = CURRENT.get();
      CURRENT.set(tally);
      try {
        return task.call();
      } finally {
        restore(before);
        tally.close();
      }
    };
  }

  private static void restore(Tally before) {
    if (before == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(before);
    }
  }

  /** The connection, counting when counting is on. */
  static Connection counting(Connection connection) {
    if (!enabled()) {
      return connection;
    }
    return (Connection)
        Proxy.newProxyInstance(
            StatementCounts.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            new Counting(connection, true, null));
  }

  /**
   * Counts a commit or a statement for the thread's request. Listed, a statement is its SQL text as
   * prepared: parameters are placeholders, so no value a person typed reaches the log.
   */
  private static void count(boolean commit, String sql) {
    Tally tally = CURRENT.get();
    if (tally != null) {
      if (Switch.LIST) {
        tally.listed.add(
            "\n  [" + Thread.currentThread().getName() + "] " + (commit ? "COMMIT" : sql));
      }
      (commit ? tally.commits : tally.statements).incrementAndGet();
    }
  }

  /**
   * Counts a connection's commits and its statements' round trips; {@code sql} is a prepared
   * statement's text.
   */
  private record Counting(Object target, boolean isConnection, String sql)
      implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      String name = method.getName();
      if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(proxy)) {
        return proxy;
      }
      if (name.equals("isWrapperFor") && ((Class<?>) args[0]).isInstance(proxy)) {
        return true;
      }
      Object result;
      try {
        result = method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
      if (isConnection) {
        if (name.equals("commit")) {
          count(true, null);
        } else if (result instanceof Statement statement) {
          Class<?> type =
              statement instanceof CallableStatement
                  ? CallableStatement.class
                  : statement instanceof PreparedStatement
                      ? PreparedStatement.class
                      : Statement.class;
          return Proxy.newProxyInstance(
              StatementCounts.class.getClassLoader(),
              new Class<?>[] {type},
              new Counting(
                  statement,
                  false,
                  args != null && args.length > 0 && args[0] instanceof String q ? q : null));
        }
      } else if (name.startsWith("execute")) {
        // A plain statement's SQL may carry values inline: only its kind is listed.
        count(false, sql != null ? sql : name + " (a plain statement, SQL not listed)");
      }
      return result;
    }
  }
}
