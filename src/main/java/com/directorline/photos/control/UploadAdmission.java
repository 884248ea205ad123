package com.directorline.photos.control;

import com.directorline.platform.control.ConfiguredDataSource;
import com.directorline.problems.entity.ServiceUnavailable;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much memory photos in flight may take. A streamed upload holds a fixed working set (the read
 * buffer, the cleaner's head, the cipher's two segments, the spool file's buffer, one chunk on its
 * way to the database): counted as {@link #STREAM_BYTES}. What holds a photo whole (one that must
 * be turned, decoded and encoded again; a chart's photos) is counted as {@link #COPIES} times its
 * size (four was too few: a burst of 17 MB uploads once ran a 512 MB heap out). Together they may
 * take a share of the heap ({@code directorline.photos.upload-memory-share}); what finds no room
 * waits briefly and is then refused with 503 and {@code Retry-After}, before a byte of its body is
 * read. 25 parallel 20 MB uploads once ran a 512 MB heap out, and the OutOfMemoryError struck
 * inside the embedded database's writer and damaged its file.
 *
 * <p>The budget is counted in KiB so that a semaphore's int permits cover any heap. One photo
 * larger than the whole budget is let in alone rather than never.
 */
@ApplicationScoped
public class UploadAdmission {

  /** Copies of a photo held whole counted as alive at once (see above); on the safe side. */
  static final int COPIES = 8;

  /** A streamed upload's working set, on the safe side: it measures about 1.5 MiB. */
  static final long STREAM_BYTES = 4L * 1024 * 1024;

  @Inject
  @ConfigProperty(name = "directorline.photos.upload-memory-share", defaultValue = "0.35")
  double share;

  @Inject
  @ConfigProperty(name = "directorline.photos.admission-wait-ms", defaultValue = "3000")
  long waitMillis;

  Semaphore budget;
  int budgetKiB;

  /**
   * Whether the database keeps a transaction's writes in this heap: the embedded H2 holds an
   * uncommitted photo's chunks in memory until the commit (25 parallel 17 MB photos stored at once
   * ran a 512 MB heap out), PostgreSQL holds them in its own process.
   */
  boolean databaseInHeap;

  @PostConstruct
  void size() {
    budgetKiB = budgetKiB(Runtime.getRuntime().maxMemory(), share);
    budget = new Semaphore(budgetKiB, true);
    databaseInHeap = !ConfiguredDataSource.isPostgres(ConfigProvider.getConfig());
    storing = new Semaphore(Math.max(1, parallelStores), true);
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
   * Room for a photo of at most {@code bytes} held whole (to be turned upright); close the ticket
   * when its memory is free again.
   *
   * @throws ServiceUnavailable when the photos already in memory leave no room for it
   */
  public Ticket admit(long bytes) {
    return admit(bytes, Busy::new);
  }

  /**
   * Room for one streamed upload: its working set, and its body of {@code bodyBytes} once more
   * until it has been read ({@link Ticket#bodyRead()}). The container reads a request's body from
   * the network ahead of a slow reader and keeps it in the heap: 25 parallel 17 MB uploads,
   * admitted for their working sets alone, ran a 512 MB heap out while they waited for their turn
   * to be hashed and stored.
   *
   * @throws ServiceUnavailable when the photos already in memory leave no room for it
   */
  public Ticket admitStream(long bodyBytes) {
    int working = costKiB(STREAM_BYTES / COPIES);
    int body = (int) Math.min(budgetKiB, Math.max(0, bodyBytes) / 1024);
    Ticket ticket = admitKiB(Math.min(budgetKiB, working + body), Busy::new);
    ticket.body = Math.min(body, ticket.cost);
    return ticket;
  }

  /**
   * How many received photos are written into the database at once. Writing is the database's work,
   * so more at once only queue there, and each holds a pooled connection meanwhile: a burst of 25
   * large photos once took the pool and a launch would have found no connection.
   */
  @Inject
  @ConfigProperty(name = "directorline.photos.parallel-stores", defaultValue = "4")
  int parallelStores;

  /** How long a received photo waits for its turn to be written before 503. */
  @Inject
  @ConfigProperty(name = "directorline.photos.store-wait-ms", defaultValue = "30000")
  long storeWaitMillis;

  private Semaphore storing;

  /**
   * A turn to store a received photo of {@code bytes}, and room for it: one chunk at a time on its
   * way to PostgreSQL, the whole photo (counted as a photo held whole) into the embedded database.
   * The photo has arrived whole by now, so it waits longer for its turn than an upload waits for
   * room.
   *
   * @throws ServiceUnavailable when its turn does not come, or there is no room
   */
  public Ticket admitStoring(long bytes) {
    boolean turn;
    try {
      turn = storing.tryAcquire(storeWaitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      turn = false;
    }
    if (!turn) {
      throw new Busy();
    }
    try {
      Ticket room =
          databaseInHeap
              ? admit(bytes, Busy::new)
              : admit(2L * PhotoChunks.CHUNK / COPIES, Busy::new);
      room.also(storing::release);
      return room;
    } catch (RuntimeException e) {
      storing.release();
      throw e;
    }
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
    return admitKiB(costKiB(bytes), busy);
  }

  private Ticket admitKiB(int cost, Supplier<ServiceUnavailable> busy) {
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
    private int body;
    private Runnable alsoOnClose = () -> {};
    private boolean closed;

    private Ticket(int cost) {
      this.cost = cost;
    }

    /** The body has been read: the room held for it goes back; the working set stays. */
    public void bodyRead() {
      if (!closed && body > 0) {
        budget.release(body);
        cost -= body;
        body = 0;
      }
    }

    void also(Runnable release) {
      this.alsoOnClose = release;
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      closed = true;
      budget.release(cost);
      alsoOnClose.run();
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
