package org.mediaartscities.newsletter;

import java.time.InstantSource;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.mail.Mailer;

/**
 * What DigestSenderFunction is wired with. It reads {@code NEWSLETTER_TABLE}, {@code NEWSLETTER_BUCKET} (the
 * editions), {@code NEWSLETTER_SECRET_ID} (each digest's management link),
 * {@code NEWSLETTER_ADDRESS_KEY_ID} (batches planned with legacy ids, see {@link SubscriberIds}), {@code FRONTEND_BASE_URL},
 * {@code DIGEST_TIME_ZONE}, {@code SENDER_EMAIL}, {@code SES_CONFIGURATION_SET}, {@code API_BASE_URL} and
 * {@code UNSUBSCRIBE_MAILTO} (the one-click unsubscribe header), {@code SEND_RATE} and {@code SENDER_CONCURRENCY}.
 *
 * @param apiBaseUrl where the one-click unsubscribe URL of {@code List-Unsubscribe} points, without a final slash
 * @param unsubscribeMailto an address for {@code List-Unsubscribe}'s mailto, or empty
 */
record DigestSenderConfig(SubscriberStore subscribers, DigestRuns runs, NewsletterTokens tokens, SubscriberIds ids,
    DigestEmail email,
    Mailer mailer, String apiBaseUrl, String unsubscribeMailto, SendPace pace) {

  DigestSenderConfig {
    apiBaseUrl = apiBaseUrl.replaceAll("/+$", "");
  }

  static DigestSenderConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    var table = NewsletterRow.table(client);
    return new DigestSenderConfig(
        new SubscriberStore(client, table),
        DigestRuns.fromEnvironment(client, table),
        NewsletterTokens.fromEnvironment(),
        SubscriberIds.fromEnvironment(),
        DigestEmail.fromEnvironment(),
        Mailer.fromEnvironment(Env.required("SENDER_EMAIL")),
        Env.required("API_BASE_URL"),
        Env.optional("UNSUBSCRIBE_MAILTO").orElse(""),
        SendPace.of(Double.parseDouble(Env.optional("SEND_RATE").orElse("14")),
            Integer.parseInt(Env.optional("SENDER_CONCURRENCY").orElse("2")), InstantSource.system()));
  }
}
