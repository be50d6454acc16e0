package org.mediaartscities.shared.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/** Builds RFC 5322 messages with Angus Mail: {@code multipart/alternative}, UTF-8, encoded headers. */
public final class MimeMessages {

  private static final Session SESSION = Session.getInstance(new Properties());

  private MimeMessages() {}

  /** The raw message, ready for SES {@code SendEmail} with raw content. */
  public static byte[] build(String from, Email email) {
    try {
      var message = new MimeMessage(SESSION);
      message.setFrom(new InternetAddress(from));
      message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(email.to(), true));
      message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
      message.setSentDate(new Date());
      message.setHeader("Content-Language", email.language());
      for (var header : email.headers().entrySet()) {
        message.setHeader(header.getKey(), header.getValue());
      }
      var text = new MimeBodyPart();
      text.setText(email.text(), StandardCharsets.UTF_8.name(), "plain");
      var html = new MimeBodyPart();
      html.setText(email.html(), StandardCharsets.UTF_8.name(), "html");
      var alternative = new MimeMultipart("alternative");
      alternative.addBodyPart(text);
      alternative.addBodyPart(html);
      message.setContent(alternative);
      message.saveChanges();
      var out = new ByteArrayOutputStream();
      message.writeTo(out);
      return out.toByteArray();
    } catch (MessagingException e) {
      throw new IllegalArgumentException("Cannot build the email: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
