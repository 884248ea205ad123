package com.directorline.photos.control;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * SHA-256 of what is written, computed on a thread of its own beside the writer. An upload's pass
 * is three kinds of work over the same bytes (cleaning, hashing, encrypting), and hashing alone
 * costs more than the other two together: run beside them, the pass goes at the speed of the slower
 * half instead of the sum. The writer hands over 64 KiB buffers through a queue of four, so memory
 * stays fixed and a slow hasher holds the writer back rather than letting buffers pile up. Where no
 * thread is free at once, the hashing waits for one; it never waits on anything but this writer, so
 * it cannot deadlock.
 */
final class ParallelDigest extends OutputStream {

  private static final int BUFFER = 64 * 1024;
  private static final int BUFFERS = 4;
  private static final byte[] END = new byte[0];

  private final BlockingQueue<byte[]> full = new ArrayBlockingQueue<>(BUFFERS + 1);
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
  private final CompletableFuture<String> digest;
  private byte[] current;
  private int filled;
  private long count;
  private boolean ended;

  ParallelDigest(Executor hashing) {
    for (int i = 0; i < BUFFERS - 1; i++) {
      free.add(new byte[BUFFER]);
    }
    current = new byte[BUFFER];
    digest = CompletableFuture.supplyAsync(this::hash, hashing);
  }

  /** On the hashing thread: every handed-over buffer until the end. */
  private String hash() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try {
      while (true) {
        byte[] buffer = full.take();
        if (buffer == END) {
          return HexFormat.of().formatHex(sha.digest());
        }
        // A full buffer goes back to be filled again; the last, partial one is a copy of its size.
        sha.update(buffer);
        if (buffer.length == BUFFER) {
          free.put(buffer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("hashing interrupted", e);
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    count += len;
    while (len > 0) {
      int take = Math.min(len, BUFFER - filled);
      System.arraycopy(b, off, current, filled, take);
      filled += take;
      off += take;
      len -= take;
      if (filled == BUFFER) {
        handOver(current);
        current = take(free);
        filled = 0;
      }
    }
  }

  /** How many bytes were written. */
  long count() {
    return count;
  }

  /** The SHA-256 of everything written, in hex; ends the writing. */
  String sha256() throws IOException {
    end();
    try {
      return digest.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("waiting for the photo's hash");
    } catch (ExecutionException e) {
      throw new IOException("the photo's hash failed", e.getCause());
    }
  }

  /** Hands over what is left and the end; also when the pass failed, so the hasher stops. */
  @Override
  public void close() throws IOException {
    end();
  }

  private void end() throws IOException {
    if (ended) {
      return;
    }
    ended = true;
    if (filled > 0) {
      byte[] last = new byte[filled];
      System.arraycopy(current, 0, last, 0, filled);
      handOver(last);
    }
    handOver(END);
  }

  private void handOver(byte[] buffer) throws IOException {
    try {
      full.put(buffer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("handing the photo to its hash");
    }
  }

  private static byte[] take(BlockingQueue<byte[]> queue) throws IOException {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("waiting for a buffer to hash");
    }
  }
}
