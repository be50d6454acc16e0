package org.mediaartscities.applications;

import java.time.InstantSource;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.captcha.Turnstile;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.mail.Mailer;

/**
 * What the applications function is wired with; {@link #fromEnvironment()} reads every variable it uses.
 *
 * @param exports ZIP exports of a call's files, asked for by editors
 * @param captcha verifies the Turnstile token of a new application, when a secret is configured
 * @param clock the server's clock, which alone decides whether a call is open
 * @param frontendBaseUrl where the access links in emails point
 * @param retention how long applications are kept after their call closes
 */
record ApplicationsConfig(ContentRepository calls, ApplicationStore applications, ApplicationFiles files,
    ExportRequests exports, Mailer mailer, Turnstile captcha, InstantSource clock, String frontendBaseUrl, java.time.Duration retention) {

  static ApplicationsConfig fromEnvironment() {
    var dynamoDb = AwsClients.dynamoDb();
    var client = AwsClients.dynamoDbEnhanced(dynamoDb);
    var store = store(dynamoDb, client);
    var presigner = AwsClients.s3Presigner();
    String bucket = Env.required("APPLICATIONS_BUCKET");
    return new ApplicationsConfig(
        new ContentRepository(ContentTable.from(client)),
        store,
        new ApplicationFiles(store, presigner, AwsClients.s3(), bucket),
        new ExportRequests(new ExportJobs(client.table(Env.required("APPLICATIONS_TABLE"), ApplicationRow.SCHEMA)),
            memoized(AwsClients::sqs), Env.required("EXPORTS_QUEUE_URL"), presigner, bucket),
        Mailer.fromEnvironment(Env.required("SENDER_EMAIL")),
        Turnstile.fromEnvironment(),
        InstantSource.system(),
        Env.optional("FRONTEND_BASE_URL").orElse("https://mediaartscities.com").replaceAll("/+$", ""),
        java.time.Duration.ofDays(Long.parseLong(Env.optional("RETENTION_DAYS").orElse("730"))));
  }

  /** The applications store named by {@code APPLICATIONS_TABLE}. */
  static ApplicationStore store(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb,
      software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient client) {
    return new ApplicationStore(dynamoDb, client, client.table(Env.required("APPLICATIONS_TABLE"),
        ApplicationRow.SCHEMA));
  }

  private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> factory) {
    var value = new java.util.concurrent.atomic.AtomicReference<T>();
    return () -> value.updateAndGet(current -> current != null ? current : factory.get());
  }

  ApplicationsConfig withClock(InstantSource other) {
    return new ApplicationsConfig(calls, applications, files, exports, mailer, captcha, other, frontendBaseUrl, retention);
  }
}
