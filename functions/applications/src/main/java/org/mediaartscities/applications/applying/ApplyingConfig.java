package org.mediaartscities.applications.applying;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import org.mediaartscities.applications.ApplicationFileStore;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.ApplicationsTable;
import org.mediaartscities.shared.mail.BestEffortMail;
import org.mediaartscities.applications.ReceiptNumbers;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.aws.LazyClients;
import org.mediaartscities.shared.captcha.Turnstile;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.mail.Mailer;

/**
 * What ApplicationsFunction (the applicant's routes) is wired with; {@link #fromEnvironment()} reads every variable
 * it uses: {@code CONTENT_TABLE}, {@code APPLICATIONS_TABLE}, {@code APPLICATIONS_BUCKET}, {@code SENDER_EMAIL},
 * {@code FRONTEND_BASE_URL}, {@code RETENTION_DAYS} and the captcha's.
 *
 * @param captcha verifies the Turnstile token of a new application, when a secret is configured
 * @param clock the server's clock, which alone decides whether a call is open
 * @param frontendBaseUrl where the access links in emails point
 * @param retention how long applications are kept after their call closes
 */
record ApplyingConfig(ContentRepository calls, ApplicationStore applications, ApplicationFileStore files,
    ReceiptNumbers receiptNumbers, FileUploads uploads, BestEffortMail mail, Turnstile captcha, InstantSource clock,
    String frontendBaseUrl, Duration retention) {

  static ApplyingConfig fromEnvironment() {
    var dynamoDb = AwsClients.dynamoDb();
    var client = AwsClients.dynamoDbEnhanced(dynamoDb);
    var table = ApplicationsTable.fromEnvironment(dynamoDb, client);
    return new ApplyingConfig(
        new ContentRepository(ContentTable.from(client)),
        table.applications(),
        table.files(),
        table.receiptNumbers(),
        // Only file routes use S3: opening the form and saving answers pay nothing for it at cold start.
        new FileUploads(table.files(), LazyClients.of(AwsClients::s3Presigner), LazyClients.of(AwsClients::s3),
            Env.required("APPLICATIONS_BUCKET")),
        new BestEffortMail(Mailer.fromEnvironment(Env.required("SENDER_EMAIL"))),
        Turnstile.fromEnvironment(),
        InstantSource.system(),
        Env.optional("FRONTEND_BASE_URL").orElse("https://mediaartscities.com").replaceAll("/+$", ""),
        Duration.ofDays(Long.parseLong(Env.optional("RETENTION_DAYS").orElse("730"))));
  }

  ApplyingConfig withClock(InstantSource other) {
    return new ApplyingConfig(calls, applications, files, receiptNumbers, uploads, mail, captcha, other,
        frontendBaseUrl, retention);
  }

  /** The server's time, to the millisecond (as stored). */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
