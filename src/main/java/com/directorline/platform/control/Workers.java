package com.directorline.platform.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

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
