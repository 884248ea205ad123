package com.directorline.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Dedicated background threads, made by the container's thread factory so they carry its context
 * (JPA, transactions). Why not the default managed executor: it is small and shared, so a slow
 * email or a blocked write to a dead connection would delay the escalation deadlines. Each job gets
 * its own threads here, and they stop with the application.
 */
@ApplicationScoped
public class Workers {

  @Resource ManagedThreadFactory threads;

  private final List<ScheduledExecutorService> started = new CopyOnWriteArrayList<>();

  /** A scheduler with {@code size} threads of its own. */
  public ScheduledExecutorService dedicated(int size) {
    ScheduledThreadPoolExecutor executor = new Carrying(size, threads);
    executor.setRemoveOnCancelPolicy(true);
    started.add(executor);
    return executor;
  }

  /**
   * Carries the submitting request's statement count ({@link StatementCounts}) to one-off tasks, so
   * that work a request hands on (an alert's deliveries) is counted as that request's. {@code
   * execute} and {@code submit} come here too; periodic jobs are nobody's request.
   */
  private static final class Carrying extends ScheduledThreadPoolExecutor {
    Carrying(int size, ThreadFactory threads) {
      super(size, threads);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      return super.schedule(StatementCounts.carry(task), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> task, long delay, TimeUnit unit) {
      return super.schedule(StatementCounts.carry(task), delay, unit);
    }
  }

  /**
   * A scheduler for timeouts, which are mostly cancelled: it carries no request's statement count
   * (a cancelled task would hold its count open for ever).
   */
  public ScheduledExecutorService timers(int size) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(size, threads);
    executor.setRemoveOnCancelPolicy(true);
    started.add(executor);
    return executor;
  }

  @PreDestroy
  void stopAll() {
    started.forEach(ScheduledExecutorService::shutdownNow);
  }
}
