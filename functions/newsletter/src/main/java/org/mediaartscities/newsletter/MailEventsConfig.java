package org.mediaartscities.newsletter;

import java.time.InstantSource;
import org.mediaartscities.shared.aws.AwsClients;

/** What MailEventsFunction is wired with: the subscribers ({@code NEWSLETTER_TABLE}) and nothing else. */
record MailEventsConfig(SubscriberStore subscribers, InstantSource clock) {

  static MailEventsConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    return new MailEventsConfig(new SubscriberStore(client, NewsletterRow.table(client)), InstantSource.system());
  }
}
