package org.mediaartscities.shared.mail;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Sends an email without letting a failure undo what was already stored: an application created or submitted, a
 * subscription, stay so, and an unsent decision email stays in its outbox for the next "send".
 */
public final class BestEffortMail {

  private final Mailer mailer;

  public BestEffortMail(Mailer mailer) {
    this.mailer = mailer;
  }

  /** Whether SES took the email; a failure is logged by its kind only. */
  public boolean send(Email email) {
    try {
      mailer.send(email);
      return true;
    } catch (RuntimeException e) {
      // SES messages can name the recipient, so only the failure's kind is logged (stderr reaches the log with the
      // request id).
      String code = e instanceof AwsServiceException aws && aws.awsErrorDetails() != null
          ? aws.awsErrorDetails().errorCode() : "";
      System.err.println("Sending an email failed: " + e.getClass().getSimpleName() + " " + code);
      return false;
    }
  }
}
