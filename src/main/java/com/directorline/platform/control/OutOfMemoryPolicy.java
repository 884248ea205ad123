package com.directorline.platform.control;

import com.sun.management.HotSpotDiagnosticMXBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;

/**
 * Says at startup when the JVM would keep running after an OutOfMemoryError. A JVM that goes on
 * after one may go on writing half-done state: an OutOfMemoryError inside the embedded database's
 * writer once damaged its file beyond repair. Ended at once, the process leaves the database as a
 * kill -9 would, which both databases survive. The flag cannot be set from inside a running JVM, so
 * the README, the image and docs/operations.md start it with {@code -XX:+ExitOnOutOfMemoryError},
 * and this warns whoever starts it otherwise.
 */
@ApplicationScoped
public class OutOfMemoryPolicy {

  private static final Logger LOG = Logger.getLogger(OutOfMemoryPolicy.class.getName());

  void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!endsOnOutOfMemory()) {
      LOG.warning(
          "this JVM keeps running after an OutOfMemoryError; start it with"
              + " -XX:+ExitOnOutOfMemoryError so that one cannot leave stored data half-written"
              + " (docs/operations.md)");
    }
  }

  /** Whether an OutOfMemoryError ends the process at once (exits or crashes). */
  public static boolean endsOnOutOfMemory() {
    HotSpotDiagnosticMXBean hotSpot =
        ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    if (hotSpot == null) {
      return false;
    }
    return "true".equals(hotSpot.getVMOption("ExitOnOutOfMemoryError").getValue())
        || "true".equals(hotSpot.getVMOption("CrashOnOutOfMemoryError").getValue());
  }
}
