package org.mediaartscities.newsletter;

import java.time.InstantSource;
import org.mediaartscities.shared.aws.AwsClients;

/**
 * What MailEventsFunction is wired with: the subscribers ({@code NEWSLETTER_TABLE}) and their ids' key
 * ({@code NEWSLETTER_ADDRESS_KEY_ID}), nothing else.
 */
record MailEventsConfig(SubscriberStore subscribers, SubscriberIds ids, InstantSource clock) {

  static MailEventsConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    return new MailEventsConfig(new SubscriberStore(client, NewsletterRow.table(client)),
        SubscriberIds.fromEnvironment(), InstantSource.system());
  }
}
