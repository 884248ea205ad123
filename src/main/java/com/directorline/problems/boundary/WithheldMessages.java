package com.directorline.problems.boundary;

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

  static Throwable of(Throwable original) {
    if (original == null) {
      return null;
    }
    Throwable cause = original.getCause() == original ? null : of(original.getCause());
    return new WithheldMessages(original, cause);
  }
}
