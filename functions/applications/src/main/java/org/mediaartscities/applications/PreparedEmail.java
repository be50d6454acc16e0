package org.mediaartscities.applications;

import java.time.Instant;

/**
 * A decision email waiting in its call's outbox until an editor sends them all at once.
 *
 * @param sentAt null until sent
 */
record PreparedEmail(String applicationId, String reference, String decision, String to, String subject, String text,
    String html, String language, Instant preparedAt, Instant sentAt) {

  PreparedEmail sent(Instant at) {
    return new PreparedEmail(applicationId, reference, decision, to, subject, text, html, language, preparedAt, at);
  }
}
