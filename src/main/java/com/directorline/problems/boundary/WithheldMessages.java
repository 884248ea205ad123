package com.directorline.problems.boundary;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * A copy of an exception chain with every message withheld and every stack trace kept. Logged in
 * place of unexpected exceptions: where it failed is what an operator needs, and a message (a
 * driver's "Key (x)=(...)", a parser's echo of its input) may quote patient data.
 */
final class WithheldMessages extends RuntimeException {

  private WithheldMessages(Throwable original, Throwable cause) {
    super(original.getClass().getName() + " (message withheld)", cause, false, true);
    setStackTrace(original.getStackTrace());
  }

  /**
   * Development only: {@code directorline.log.exception-messages=true} logs messages as they are.
   */
  private static final boolean SHOW_MESSAGES = showMessages();

  private static boolean showMessages() {
    try {
      return ConfigProvider.getConfig(WithheldMessages.class.getClassLoader())
          .getOptionalValue("directorline.log.exception-messages", Boolean.class)
          .orElse(false);
    } catch (RuntimeException | ExceptionInInitializerError noConfiguration) {
      return false;
    }
  }

  static Throwable of(Throwable original) {
    if (original == null || SHOW_MESSAGES) {
      return original;
    }
    Throwable cause = original.getCause() == original ? null : of(original.getCause());
    return new WithheldMessages(original, cause);
  }
}
