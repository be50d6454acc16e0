package org.mediaartscities.applications;

import java.time.Instant;
import org.mediaartscities.shared.mail.Email;

/**
 * A decision email waiting in its call's outbox until an editor sends them all at once.
 *
 * @param sentAt null until sent
 */
public record PreparedEmail(String applicationId, String reference, String decision, String to, String subject,
    String text, String html, String language, Instant preparedAt, Instant sentAt) {

  /** The email of a decision ({@code decision} as the editor gave it), prepared at {@code at}. */
  public static PreparedEmail of(Application decided, String decision, Email email, Instant at) {
    return new PreparedEmail(decided.id(), decided.reference(), decision, email.to(), email.subject(), email.text(),
        email.html(), email.language(), at, null);
  }

  /** The email to send. */
  public Email email() {
    return new Email(to, subject, text, html, language);
  }

  public PreparedEmail sent(Instant at) {
    return new PreparedEmail(applicationId, reference, decision, to, subject, text, html, language, preparedAt, at);
  }
}
