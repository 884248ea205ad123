package com.directorline.testing;

import java.nio.file.Path;
import java.util.UUID;

/** Settings shared by every server of one test run. Depends on the JDK only. */
public final class TestRun {

  /** Every demo user's password on the test servers; random per run. */
  public static final String DEMO_PASSWORD = "demo-" + UUID.randomUUID();

  /** The Jitsi app secret of every test server (HS256 needs at least 32 bytes). */
  public static final String JITSI_SECRET = "jitsi-" + UUID.randomUUID() + "-" + UUID.randomUUID();

  private TestRun() {}

  public static Path workDir() {
    return Path.of(System.getProperty("test.workDir", "target/it"));
  }
}
