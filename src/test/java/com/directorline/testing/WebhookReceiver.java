package com.directorline.testing;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A clinic's pager gateway as the tests run it: a real HTTP server on 127.0.0.1 that keeps every
 * request it gets (headers, body, what it answered) and answers with the status the test chooses,
 * per call. The test servers allow plain http to 127.0.0.1 for it.
 */
public final class WebhookReceiver implements AutoCloseable {

  /** One request as received, and the status it was answered with. */
  public record Received(Map<String, List<String>> headers, String body, int answered) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** {@code X-DirectorLine-Delivery}: the same for every attempt of one alert. */
    public String deliveryId() {
      return header("X-DirectorLine-Delivery");
    }
  }

  private final HttpServer server;
  private final String path;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile IntUnaryOperator status;
  private final AtomicBoolean closed = new AtomicBoolean();

  private WebhookReceiver(String path, IntUnaryOperator status) {
    this.path = path;
    this.status = status;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", Processes.freePort()), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        path,
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          int answer = this.status.applyAsInt(calls.incrementAndGet());
          received.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, answer));
          exchange.sendResponseHeaders(answer, -1);
          exchange.close();
        });
    server.start();
  }

  /** Answers every request with {@code status}. */
  public static WebhookReceiver answering(int status) {
    return new WebhookReceiver("/hook", call -> status);
  }

  /** Answers the n-th request (from 1) with {@code status.applyAsInt(n)}, at {@code path}. */
  public static WebhookReceiver answering(String path, IntUnaryOperator status) {
    return new WebhookReceiver(path, status);
  }

  /** From now on, answers every request with {@code status}. */
  public void answer(int status) {
    this.status = call -> status;
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Every request so far, in the order they arrived. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  public int count() {
    return received.size();
  }

  /** Sets this receiver as the clinic's webhook, as the clinic's admin does. */
  public Reply configureFor(Api api, Api.Clinic clinic, String secret) {
    return api.send(
        "PUT",
        "/api/clinics/" + clinic.id() + "/webhook",
        clinic.demoAdminToken(),
        "application/json",
        Json.createObjectBuilder().add("url", url()).add("secret", secret).build().toString(),
        Map.of());
  }

  /** Stops answering (a gateway that went away); closing again does nothing. */
  @Override
  public void close() {
    if (!closed.getAndSet(true)) {
      server.stop(0);
    }
  }
}
