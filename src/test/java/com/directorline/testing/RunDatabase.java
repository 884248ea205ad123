package com.directorline.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Hands this run's database and demo password to arquillian.xml. Register it before the Arquillian
 * extension: {@code @ExtendWith({RunDatabase.class, ArquillianExtension.class})}, and add {@link
 * #CLASSES} to the deployment (the test class names it, so the container loads it).
 */
public class RunDatabase implements BeforeAllCallback {

  public static final Class<?>[] CLASSES = {RunDatabase.class, TestDatabase.class, TestRun.class};

  @Override
  public void beforeAll(ExtensionContext context) {
    System.setProperty("test.db.url", TestDatabase.get().jdbcUrl());
    System.setProperty("test.db.user", TestDatabase.user());
    System.setProperty("test.db.password", TestDatabase.password());
    System.setProperty("test.demo.password", TestRun.DEMO_PASSWORD);
    System.setProperty("test.workDir", TestRun.workDir().toAbsolutePath().toString());
  }
}
