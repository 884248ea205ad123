package com.directorline.photos.control;

import com.directorline.problems.entity.ServiceUnavailable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many photo uploads may be in memory at once. An upload holds its body, the cleaned copy, the
 * ciphertext, the cipher's and the driver's working copies and, on the embedded database, the
 * store's page in the same heap: counted as {@link #COPIES} times its size (four was too few: a
 * burst of 17 MB uploads still ran a 512 MB heap out once in five runs). Together they may take a
 * share of the heap ({@code directorline.photos.upload-memory-share}); an upload that finds no room
 * waits briefly and is then refused with 503 and {@code Retry-After}, before a byte of its body is
 * read. 25 parallel 20 MB uploads once ran a 512 MB heap out, and the OutOfMemoryError struck
 * inside the embedded database's writer and damaged its file.
 *
 * <p>The budget is counted in KiB so that a semaphore's int permits cover any heap. One upload
 * larger than the whole budget is let in alone rather than never.
 */
@ApplicationScoped
public class UploadAdmission {

  /** Copies of an upload counted as alive at once (see above); on the safe side. */
  static final int COPIES = 8;

  @Inject
  @ConfigProperty(name = "directorline.photos.upload-memory-share", defaultValue = "0.35")
  double share;

  @Inject
  @ConfigProperty(name = "directorline.photos.admission-wait-ms", defaultValue = "3000")
  long waitMillis;

  Semaphore budget;
  int budgetKiB;

  @PostConstruct
  void size() {
    budgetKiB = budgetKiB(Runtime.getRuntime().maxMemory(), share);
    budget = new Semaphore(budgetKiB, true);
  }

  static int budgetKiB(long maxHeapBytes, double share) {
    if (!(share > 0 && share <= 0.8)) {
      throw new IllegalArgumentException(
          "directorline.photos.upload-memory-share must be above 0 and at most 0.8");
    }
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (long) (maxHeapBytes * share) / 1024));
  }

  /** What an upload of this many bytes costs, in KiB of the budget. */
  int costKiB(long bytes) {
    long kib = Math.max(1, (bytes * COPIES + 1023) / 1024);
    return (int) Math.min(kib, budgetKiB);
  }

  /**
   * Room for an upload of at most {@code bytes}; close the ticket when its memory is free again.
   *
   * @throws ServiceUnavailable when the uploads already in memory leave no room for it
   */
  public Ticket admit(long bytes) {
    return admit(bytes, Busy::new);
  }

  /**
   * Room for a chart that carries photos of {@code photoBytes} in all: the stored ciphertexts, the
   * images, the PDF and its buffer are alive at once, counted like an upload of that size, from the
   * same budget (a burst of chart downloads must not run the heap out either).
   *
   * @throws ServiceUnavailable when there is no room now
   */
  public Ticket admitChart(long photoBytes) {
    return admit(
        photoBytes,
        () ->
            new ServiceUnavailable(
                "chart-busy",
                "Too many photos are being received or printed right now; download the chart again"
                    + " in a few seconds.",
                5));
  }

  /** Room for {@code bytes} within the budget's wait, or the refusal {@code busy} makes. */
  private Ticket admit(long bytes, Supplier<ServiceUnavailable> busy) {
    int cost = costKiB(bytes);
    boolean admitted;
    try {
      admitted = budget.tryAcquire(cost, waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      admitted = false;
    }
    if (!admitted) {
      throw busy.get();
    }
    return new Ticket(cost);
  }

  /** An admitted upload's share of the budget, given back exactly once. */
  public final class Ticket implements AutoCloseable {
    private int cost;

    private Ticket(int cost) {
      this.cost = cost;
    }

    @Override
    public void close() {
      if (cost > 0) {
        budget.release(cost);
        cost = 0;
      }
    }
  }

  /** 503: too many photos are being received at once; the phone sends this one again. */
  static final class Busy extends ServiceUnavailable {
    Busy() {
      super(
          "photo-uploads-busy",
          "Too many photos are being received right now; send this one again in a few seconds.",
          5);
    }
  }
}
