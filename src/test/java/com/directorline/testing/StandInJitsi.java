package com.directorline.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for the Jitsi server, which lives outside our machines: HTTPS on 127.0.0.1 with a
 * self-signed certificate (the test browsers ignore certificate errors), serving an {@code
 * /external_api.js} with the IFrame API's shape. Its {@code JitsiMeetExternalAPI} remembers what
 * the page gave it in {@code window.standInJitsi}, opens the room in an iframe from this server,
 * and reports {@code videoConferenceJoined} as the real one does once the conference is joined.
 * {@link #setReachable(boolean) Unreachable}, it answers 503, as a Jitsi server that is down.
 */
public final class StandInJitsi implements AutoCloseable {

  private static final String API =
      """
      window.JitsiMeetExternalAPI = class {
        constructor(domain, options) {
          this.listeners = {};
          window.standInJitsi = { domain, options, disposed: false };
          const frame = document.createElement('iframe');
          frame.src = 'https://' + domain + '/' + encodeURIComponent(options.roomName);
          frame.title = 'Video call';
          frame.allow = 'camera; microphone';
          frame.style.width = '100%';
          frame.style.height = '100%';
          options.parentNode.append(frame);
          setTimeout(() => this.emit('videoConferenceJoined', { roomName: options.roomName }), 300);
        }
        addListener(name, listener) { (this.listeners[name] ||= []).push(listener); }
        emit(name, data) { (this.listeners[name] || []).forEach((l) => l(data)); }
        dispose() { window.standInJitsi.disposed = true; this.emit('videoConferenceLeft', {}); }
      };
      """;

  private final HttpsServer server;
  private volatile boolean reachable = true;

  private StandInJitsi(HttpsServer server) {
    this.server = server;
  }

  public static StandInJitsi start() {
    try {
      HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
      StandInJitsi jitsi = new StandInJitsi(server);
      server.createContext("/", jitsi::handle);
      // Each browser keeps connections open; one thread for all of them would make the second wait.
      server.setExecutor(Executors.newCachedThreadPool());
      server.start();
      return jitsi;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code 127.0.0.1:port}, as {@code directorline.jitsi.domain} takes it. */
  public String domain() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public void setReachable(boolean reachable) {
    this.reachable = reachable;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!reachable) {
        exchange.sendResponseHeaders(503, -1);
        return;
      }
      boolean script = exchange.getRequestURI().getPath().equals("/external_api.js");
      byte[] body =
          (script
                  ? API
                  : "<!doctype html><title>Stand-in call</title><body style=\"background:#123;"
                      + "color:#fff;font:2rem sans-serif\">Stand-in Jitsi room</body>")
              .getBytes(StandardCharsets.UTF_8);
      exchange
          .getResponseHeaders()
          .set("Content-Type", script ? "text/javascript" : "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** A fresh self-signed key made with the JDK's keytool: nothing is committed or downloaded. */
  private static SSLContext selfSigned() {
    try {
      Path dir = Files.createTempDirectory("stand-in-jitsi");
      Path store = dir.resolve("jitsi.p12");
      String password = "stand-in-" + System.nanoTime();
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "jitsi",
                  "-keyalg",
                  "EC",
                  "-dname",
                  "CN=127.0.0.1",
                  "-ext",
                  "SAN=IP:127.0.0.1",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  store.toString(),
                  "-storepass",
                  password)
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(store)) {
        keys.load(in, password.toCharArray());
      }
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(keys, password.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(factory.getKeyManagers(), null, null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
