package com.directorline.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** A real SMTP server in the test JVM, started once for the run; the API server sends to it. */
public final class TestMail {

  private static GreenMail server;

  private TestMail() {}

  public static synchronized GreenMail server() {
    if (server == null) {
      server = new GreenMail(new ServerSetup(Processes.freePort(), "127.0.0.1", "smtp"));
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    }
    return server;
  }

  public static int port() {
    return server().getSmtp().getPort();
  }
}
