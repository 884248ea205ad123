package com.directorline.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.directorline.identity.entity.Role;
import com.directorline.identity.entity.SecurityEventType;
import com.directorline.identity.entity.User;
import com.directorline.platform.entity.RequestOrigin;
import com.directorline.sessions.control.SignIn;
import com.directorline.testing.RunDatabase;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Transactions and locking of identity and sign-in, inside Payara Micro on PostgreSQL. */
@ExtendWith({RunDatabase.class, ArquillianExtension.class})
class IdentityInContainerIT {

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class,
            new File(System.getProperty("directorline.war", "target/directorline.war")))
        .addClass(IdentityInContainerIT.class)
        .addClasses(RunDatabase.CLASSES);
  }

  @Inject SignIn signIn;
  @Inject Accounts accounts;
  @Inject Caller caller;
  @Inject Passwords passwords;
  @Inject Clock clock;
  @PersistenceContext EntityManager em;
  @Resource UserTransaction tx;
  @Resource ManagedExecutorService executor;

  private User persistUser(Role role, UUID clinicId) throws Exception {
    User user =
        User.enrol(
            "it" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
            "In-container",
            null,
            null,
            passwords.hashNew("the right password", "password"),
            Set.of(role),
            Set.of(clinicId),
            clock);
    tx.begin();
    em.persist(user);
    tx.commit();
    return user;
  }

  /**
   * Reads in a transaction of their own: Payara's transaction-scoped EntityManager used outside a
   * transaction races with other threads ("operation on a closed EntityManager").
   */
  private <T> T read(Supplier<T> query) throws Exception {
    if (tx.getStatus() == Status.STATUS_ACTIVE) {
      return query.get();
    }
    tx.begin();
    try {
      return query.get();
    } finally {
      tx.rollback();
    }
  }

  private UUID anyClinic() throws Exception {
    return read(
        () ->
            em.createQuery("select c.id from Clinic c", UUID.class)
                .setMaxResults(1)
                .getSingleResult());
  }

  private long events(SecurityEventType type, UUID subject) throws Exception {
    return read(
        () ->
            em.createQuery(
                    "select count(e) from AuditEvent e where e.objectId = :subject"
                        + " and (e.detail = :type or e.detail like :typed)",
                    Long.class)
                .setParameter("type", type.name())
                .setParameter("typed", type.name() + ":%")
                .setParameter("subject", subject.toString())
                .getSingleResult());
  }

  @Test
  void concurrentFailedSignInsAreEachCountedOnce() throws Exception {
    User user = persistUser(Role.INJECTOR, anyClinic());
    int attempts = 8;
    CountDownLatch start = new CountDownLatch(1);
    List<Future<SignIn.Outcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < attempts; i++) {
      outcomes.add(
          executor.submit(
              () -> {
                start.await();
                return signIn.attempt(user.username(), "wrong password!", RequestOrigin.SYSTEM);
              }));
    }
    start.countDown();
    int failed = 0;
    int locked = 0;
    for (Future<SignIn.Outcome> outcome : outcomes) {
      SignIn.Outcome result = outcome.get();
      if (result instanceof SignIn.Failed) {
        failed++;
      } else if (result instanceof SignIn.Locked) {
        locked++;
      }
    }

    assertEquals(5, failed, "exactly the first five attempts are checked");
    assertEquals(attempts - 5, locked);
    assertEquals(5, events(SecurityEventType.LOGIN_FAILED, user.id()));
    assertEquals(1, events(SecurityEventType.ACCOUNT_LOCKED, user.id()));
    assertEquals(attempts - 5, events(SecurityEventType.LOGIN_REFUSED_LOCKED, user.id()));
    assertInstanceOf(
        SignIn.Locked.class,
        signIn.attempt(user.username(), "the right password", RequestOrigin.SYSTEM));
  }

  @Test
  void anAccountChangeAndItsSecurityEventCommitOrRollBackTogether() throws Exception {
    UUID clinic = anyClinic();
    User admin = persistUser(Role.ADMIN, clinic);
    caller.signedIn(UUID.randomUUID(), admin, Instant.now().plusSeconds(60), RequestOrigin.SYSTEM);
    String username = "rolled" + UUID.randomUUID().toString().substring(0, 8);

    tx.begin();
    User enrolled =
        accounts
            .enrol(
                clinic,
                new Accounts.Enrolment(
                    username,
                    "Rolled Back",
                    null,
                    null,
                    "long enough password",
                    Set.of(Role.DIRECTOR)))
            .user();
    em.flush();
    assertEquals(
        1,
        events(SecurityEventType.USER_CREATED, enrolled.id()),
        "written in the same transaction");
    tx.rollback();

    assertTrue(
        read(
            () ->
                em.createQuery("select u from User u where u.username = :u", User.class)
                    .setParameter("u", username)
                    .getResultList()
                    .isEmpty()));
    assertEquals(0, events(SecurityEventType.USER_CREATED, enrolled.id()));

    User kept =
        accounts
            .enrol(
                clinic,
                new Accounts.Enrolment(
                    username,
                    "Committed",
                    null,
                    null,
                    "long enough password",
                    Set.of(Role.DIRECTOR)))
            .user();
    assertEquals(1, events(SecurityEventType.USER_CREATED, kept.id()));
  }

  @Test
  void theDatabaseRefusesAnUnknownRole() throws Exception {
    User user = persistUser(Role.DIRECTOR, anyClinic());

    tx.begin();
    try {
      // The same statement with a known role goes in, so what refuses KING is the constraint.
      assertEquals(1, insertRole(user, "ADMIN"));
      Exception refused = assertThrows(Exception.class, () -> insertRole(user, "KING"));
      SQLException cause = sqlCause(refused);
      assertEquals("23514", cause.getSQLState(), "refused by a check constraint");
      assertTrue(cause.getMessage().contains("membership_role_known"), "by membership_role_known");
    } finally {
      tx.rollback();
    }
  }

  private int insertRole(User user, String role) {
    return em.createNativeQuery(
            "insert into membership (user_id, clinic_id, role) values (?, ?, ?)")
        .setParameter(1, user.id())
        .setParameter(2, user.clinicIds().iterator().next())
        .setParameter(3, role)
        .executeUpdate();
  }

  private static SQLException sqlCause(Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    throw new AssertionError("no SQLException behind " + thrown);
  }
}
