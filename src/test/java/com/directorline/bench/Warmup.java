package com.directorline.bench;

import java.util.List;

/** When a benchmark's warm-up may end: what it measures per block has stopped moving. */
final class Warmup {

  private Warmup() {}

  /** The mean of the last 5 values within 5% of the mean of the 5 before (at least 10 values). */
  static boolean steady(List<Double> values) {
    int n = values.size();
    if (n < 10) {
      return false;
    }
    double last = values.subList(n - 5, n).stream().mapToDouble(d -> d).average().orElseThrow();
    double before =
        values.subList(n - 10, n - 5).stream().mapToDouble(d -> d).average().orElseThrow();
    return Math.abs(last - before) / last < 0.05;
  }
}
