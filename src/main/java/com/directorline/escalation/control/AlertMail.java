package com.directorline.escalation.control;

import com.directorline.platform.control.Workers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Alert email through Jakarta Mail, configured by {@code directorline.mail.*}. Without a host the
 * channel is off and attempts are recorded as skipped.
 */
@ApplicationScoped
public class AlertMail {

  @Inject
  @ConfigProperty(name = "directorline.mail.host")
  Optional<String> host;

  @Inject
  @ConfigProperty(name = "directorline.mail.port", defaultValue = "25")
  int port;

  @Inject
  @ConfigProperty(name = "directorline.mail.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "directorline.mail.password")
  Optional<String> password;

  /** {@code none}, {@code starttls} (required) or {@code tls} (SMTPS). */
  @Inject
  @ConfigProperty(name = "directorline.mail.security", defaultValue = "none")
  String security;

  @Inject
  @ConfigProperty(name = "directorline.mail.from", defaultValue = "DirectorLine <alerts@localhost>")
  String from;

  @Inject Workers workers;

  private Session session;

  @PostConstruct
  void configure() {
    if (host.isEmpty()) {
      return;
    }
    Properties properties = new Properties();
    properties.put("mail.transport.protocol", "smtp");
    properties.put("mail.smtp.host", host.get());
    properties.put("mail.smtp.port", String.valueOf(port));
    properties.put("mail.smtp.connectiontimeout", "5000");
    properties.put("mail.smtp.timeout", "5000");
    properties.put("mail.smtp.writetimeout", "5000");
    // One timer thread for every connection's write timeout: without it Angus Mail starts a
    // thread of its own for each connection, so each email sent started and ended a thread.
    properties.put("mail.smtp.executor.writetimeout", workers.timers(1));
    switch (security) {
      case "starttls" -> {
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
      }
      case "tls" -> properties.put("mail.smtp.ssl.enable", "true");
      default -> {}
    }
    Authenticator authenticator = null;
    if (username.isPresent()) {
      properties.put("mail.smtp.auth", "true");
      authenticator =
          new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
              return new PasswordAuthentication(username.get(), password.orElse(""));
            }
          };
    }
    session = Session.getInstance(properties, authenticator);
  }

  public Dispatcher.Result send(String to, String subject, String body) {
    if (session == null) {
      return Dispatcher.Result.skipped("email is not configured");
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(new InternetAddress(from));
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
      message.setSubject(subject, "UTF-8");
      message.setText(body, "UTF-8");
      message.setHeader("Auto-Submitted", "auto-generated");
      Transport.send(message);
      return Dispatcher.Result.sent(null);
    } catch (MessagingException e) {
      return Dispatcher.Result.failed(null, e.getClass().getSimpleName());
    }
  }
}
