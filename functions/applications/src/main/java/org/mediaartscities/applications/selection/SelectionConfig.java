package org.mediaartscities.applications.selection;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import org.mediaartscities.applications.ApplicationFileStore;
import org.mediaartscities.applications.ApplicationStore;
import org.mediaartscities.applications.ApplicationsTable;
import org.mediaartscities.shared.mail.BestEffortMail;
import org.mediaartscities.applications.DecisionOutbox;
import org.mediaartscities.applications.ReviewStore;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.aws.LazyClients;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.env.Secrets;
import org.mediaartscities.shared.http.CursorCodec;
import org.mediaartscities.shared.mail.Mailer;

/**
 * What SelectionFunction (the jury's and the editors' routes) is wired with; {@link #fromEnvironment()} reads every
 * variable it uses: {@code CONTENT_TABLE}, {@code APPLICATIONS_TABLE}, {@code APPLICATIONS_BUCKET},
 * {@code SENDER_EMAIL}, {@code EXPORTS_QUEUE_URL} and {@code CURSOR_SECRET_ID} (the cursor secret's id).
 *
 * @param downloads short-lived download links to applicants' files
 * @param exports ZIP exports of a call's files, asked for by editors
 * @param mail sends the decision emails of a call's outbox
 * @param cursors seals the jury list's paging positions
 */
record SelectionConfig(ContentRepository calls, ApplicationStore applications, ApplicationFileStore files,
    ReviewStore reviews, DecisionOutbox outbox, FileDownloads downloads, ExportRequests exports, BestEffortMail mail,
    CursorCodec cursors, InstantSource clock) {

  static SelectionConfig fromEnvironment() {
    var dynamoDb = AwsClients.dynamoDb();
    var client = AwsClients.dynamoDbEnhanced(dynamoDb);
    var table = ApplicationsTable.fromEnvironment(dynamoDb, client);
    // Built on first use: listing calls and applications, scoring and deciding pay nothing for S3 or SQS.
    var presigner = LazyClients.of(AwsClients::s3Presigner);
    String bucket = Env.required("APPLICATIONS_BUCKET");
    return new SelectionConfig(
        new ContentRepository(ContentTable.from(client)),
        table.applications(),
        table.files(),
        table.reviews(),
        table.outbox(),
        new FileDownloads(presigner, bucket),
        new ExportRequests(table.exportJobs(), LazyClients.of(AwsClients::sqs), Env.required("EXPORTS_QUEUE_URL"),
            presigner, bucket),
        new BestEffortMail(Mailer.fromEnvironment(Env.required("SENDER_EMAIL"))),
        new CursorCodec(Secrets.required("CURSOR_SECRET_ID")),
        InstantSource.system());
  }

  /** The server's time, to the millisecond (as stored). */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
