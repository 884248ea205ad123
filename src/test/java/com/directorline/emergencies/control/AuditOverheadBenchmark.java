package com.directorline.emergencies.control;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.directorline.emergencies.entity.Complication;
import com.directorline.emergencies.entity.Emergency;
import com.directorline.emergencies.entity.LaunchRequest;
import com.directorline.escalation.entity.EscalationPlan;
import com.directorline.identity.control.Passwords;
import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.RequestOrigin;
import com.directorline.sessions.control.CallerSessions;
import com.directorline.sessions.control.SignIn;
import com.directorline.testing.RunDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Benchmark, run on demand (docs/performance.md): the throughput of reading an emergency with its
 * audit event ({@link Emergencies#read}: the read, the event's insert and the commit) against the
 * same read in the same kind of transaction without the event, in one JVM, alternating, with 1 and
 * 8 threads. The sealer runs meanwhile, as in production.
 *
 * <pre>mvn -B -ntp verify -Dit.test=AuditOverheadBenchmark -Dsurefire.skip=true</pre>
 */
@ExtendWith({RunDatabase.class, ArquillianExtension.class})
class AuditOverheadBenchmark {

  private static final int WARMUP = 3_000;
  private static final int READS = 4_000;
  private static final int ROUNDS = 5;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class,
            new File(System.getProperty("directorline.war", "target/directorline.war")))
        .addClass(AuditOverheadBenchmark.class)
        .addClasses(RunDatabase.CLASSES);
  }

  @Inject Emergencies emergencies;
  @Inject SignIn signIn;
  @Inject CallerSessions callerSessions;
  @Inject Passwords passwords;
  @Inject Clock clock;
  @Inject Instance<RequestContextController> requestContexts;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  private UUID session;
  private UUID emergency;

  private User user(Role role, UUID clinic) {
    return User.enrol(
        "bench" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
        "Benchmark " + role,
        null,
        null,
        passwords.hashNew("the benchmark password", "password"),
        Set.of(role),
        Set.of(clinic),
        clock);
  }

  private void setUp() throws Exception {
    tx.begin();
    UUID clinic =
        em.createQuery("select c.id from Clinic c", UUID.class).setMaxResults(1).getSingleResult();
    User injector = user(Role.INJECTOR, clinic);
    User director = user(Role.DIRECTOR, clinic);
    em.persist(injector);
    em.persist(director);
    em.flush(); // the emergency refers to them by id only, so EclipseLink cannot order the inserts
    Emergency launched =
        Emergency.launch(
            clinic,
            injector.id(),
            new LaunchRequest(Complication.VASCULAR_OCCLUSION, "MRN-BENCH", "BB", null, true),
            new EscalationPlan(
                1, List.of(new EscalationPlan.Step(List.of(director.id()), 60)), 0, "Call 911"),
            null,
            clock.instant());
    em.persist(launched);
    em.flush();
    launched.drainNewEvents().forEach(em::persist);
    tx.commit();
    emergency = launched.id();
    SignIn.Outcome outcome =
        signIn.attempt(
            injector.username(),
            "the benchmark password",
            new RequestOrigin("127.0.0.1", "benchmark", null));
    session = assertInstanceOf(SignIn.Succeeded.class, outcome).session().id();
  }

  private void audited() {
    emergencies.read(emergency);
  }

  private void plain() throws Exception {
    tx.begin();
    try {
      emergencies.visible(emergency);
      tx.commit();
    } catch (Exception e) {
      tx.rollback();
      throw e;
    }
  }

  interface Read {
    void run() throws Exception;
  }

  /** Reads per second with {@code threads} threads, each signed in within its own request. */
  private double throughput(int threads, int reads, Read read) throws Exception {
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      tasks.add(
          () -> {
            RequestContextController context = requestContexts.get();
            context.activate();
            try {
              assertTrue(
                  callerSessions.bind(session, new RequestOrigin("127.0.0.1", "benchmark", null)));
              for (int i = 0; i < reads / threads; i++) {
                read.run();
              }
            } finally {
              context.deactivate();
            }
            return null;
          });
    }
    long started = System.nanoTime();
    for (Future<Void> done : executor.invokeAll(tasks)) {
      done.get();
    }
    return reads / ((System.nanoTime() - started) / 1e9);
  }

  @Test
  void auditedReadAgainstTheSameReadWithoutAudit() throws Exception {
    setUp();
    for (int threads : new int[] {1, 8}) {
      throughput(threads, WARMUP, this::audited);
      throughput(threads, WARMUP, this::plain);
      List<Double> withAudit = new ArrayList<>();
      List<Double> without = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        withAudit.add(throughput(threads, READS, this::audited));
        without.add(throughput(threads, READS, this::plain));
      }
      double a = median(withAudit);
      double p = median(without);
      System.out.printf(
          "BENCHMARK audited-read threads=%d audited=%.0f/s plain=%.0f/s ratio=%.2f"
              + " (medians of %d rounds of %d reads)%n",
          threads, a, p, a / p, ROUNDS, READS);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
