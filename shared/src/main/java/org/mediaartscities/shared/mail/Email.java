package org.mediaartscities.shared.mail;

import java.util.Map;

/**
 * An email to send: both a plain-text and an HTML body (mail clients show one or the other), in the
 * recipient's language.
 *
 * @param headers extra headers, e.g. {@code List-Unsubscribe}
 */
public record Email(String to, String subject, String text, String html, String language, Map<String, String> headers) {

  public Email {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  public Email(String to, String subject, String text, String html, String language) {
    this(to, subject, text, html, language, Map.of());
  }
}
