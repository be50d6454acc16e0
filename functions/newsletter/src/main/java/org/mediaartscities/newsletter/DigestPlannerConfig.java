package org.mediaartscities.newsletter;

import java.time.InstantSource;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.env.Env;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What DigestPlannerFunction is wired with. It reads {@code CONTENT_TABLE}, {@code MEDIA_BASE_URL} (the items'
 * images), {@code NEWSLETTER_TABLE}, {@code NEWSLETTER_BUCKET} (editions and archive), {@code FRONTEND_BASE_URL}
 * (the archive's links), {@code DIGEST_TIME_ZONE} and {@code DIGEST_QUEUE_URL}; it mails nobody and signs nothing.
 */
record DigestPlannerConfig(SubscriberStore subscribers, DigestRuns runs, Editions editions, DigestEmail email,
    SqsClient sqs, String queueUrl, InstantSource clock) {

  static DigestPlannerConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    var table = NewsletterRow.table(client);
    return new DigestPlannerConfig(
        new SubscriberStore(client, table),
        DigestRuns.fromEnvironment(client, table),
        new Editions(new ContentRepository(ContentTable.from(client)), Env.optional("MEDIA_BASE_URL").orElse(null)),
        DigestEmail.fromEnvironment(),
        AwsClients.sqs(),
        Env.required("DIGEST_QUEUE_URL"),
        InstantSource.system());
  }

  DigestPlannerConfig withClock(InstantSource other) {
    return new DigestPlannerConfig(subscribers, runs, editions, email, sqs, queueUrl, other);
  }
}
