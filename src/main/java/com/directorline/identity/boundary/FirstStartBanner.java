package com.directorline.identity.boundary;

import com.directorline.identity.control.FirstStart;
import com.directorline.schema.control.SchemaMigrated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.logging.Logger;

/**
 * On an empty database, creates the first clinic and prints its logins to the console once. This is
 * the only place a password is ever printed: the operator needs it to sign in, and it is never
 * shown again.
 */
@ApplicationScoped
public class FirstStartBanner {

  private static final Logger LOG = Logger.getLogger(FirstStartBanner.class.getName());

  @Inject FirstStart firstStart;

  void onSchemaMigrated(@Observes SchemaMigrated migrated) {
    try {
      firstStart.seedIfEmpty().ifPresent(seeded -> print(seeded, System.out));
    } catch (RuntimeException raced) {
      // Two instances first-starting on one empty database: the other one seeded it (the
      // unique usernames refused ours, and our transaction rolled back whole).
      if (firstStart.isEmpty()) {
        throw raced;
      }
      LOG.info("another instance created the first clinic");
    }
  }

  static void print(FirstStart.Seeded seeded, PrintStream out) {
    StringBuilder banner = new StringBuilder("\n");
    banner.append("==============================================================\n");
    banner
        .append(" DirectorLine: created \"")
        .append(seeded.clinicName())
        .append("\". Sign in as:\n");
    for (FirstStart.Login login : seeded.logins()) {
      banner.append(
          String.format(
              "   %-12s %-20s %s%n",
              login.username(),
              login.shownPassword() == null ? "(password from environment)" : login.shownPassword(),
              login.roles()));
    }
    banner.append(" These passwords are shown only now.\n");
    banner.append("==============================================================\n");
    out.print(banner);
    out.flush();
  }
}
