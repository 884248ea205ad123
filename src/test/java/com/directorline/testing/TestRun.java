package com.directorline.testing;

import java.nio.file.Path;
import java.util.UUID;

/** Settings shared by every server of one test run. Depends on the JDK only. */
public final class TestRun {

  /** Every demo user's password on the test servers; random per run. */
  public static final String DEMO_PASSWORD = "demo-" + UUID.randomUUID();

  private TestRun() {}

  public static Path workDir() {
    return Path.of(System.getProperty("test.workDir", "target/it"));
  }
}
