package org.mediaartscities.newsletter;

import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.stream.Collectors;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.captcha.Turnstile;
import org.mediaartscities.shared.content.City;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.mail.Mailer;

/**
 * What NewsletterFunction (the public routes) is wired with. It reads {@code CONTENT_TABLE} (the cities),
 * {@code NEWSLETTER_TABLE}, {@code NEWSLETTER_BUCKET} (the archive), {@code NEWSLETTER_SECRET_ID},
 * {@code NEWSLETTER_ADDRESS_KEY_ID} (subscriber ids),
 * {@code FRONTEND_BASE_URL}, {@code SENDER_EMAIL}, {@code SES_CONFIGURATION_SET} and {@code CAPTCHA_SECRET_ID} (secrets: their ids).
 */
record NewsletterApiConfig(SubscriberStore subscribers, DigestRuns runs, ContentRepository content,
    NewsletterTokens tokens, SubscriberIds ids, NewsletterEmails emails, Mailer mailer, Turnstile captcha, InstantSource clock) {

  static NewsletterApiConfig fromEnvironment() {
    var client = AwsClients.dynamoDbEnhanced(AwsClients.dynamoDb());
    var table = NewsletterRow.table(client);
    return new NewsletterApiConfig(
        new SubscriberStore(client, table),
        DigestRuns.fromEnvironment(client, table),
        new ContentRepository(ContentTable.from(client)),
        NewsletterTokens.fromEnvironment(),
        SubscriberIds.fromEnvironment(),
        new NewsletterEmails(NewsletterLinks.fromEnvironment()),
        Mailer.fromEnvironment(Env.required("SENDER_EMAIL")),
        Turnstile.fromEnvironment(),
        InstantSource.system());
  }

  NewsletterApiConfig withClock(InstantSource other) {
    return new NewsletterApiConfig(subscribers, runs, content, tokens, ids, emails, mailer, captcha, other);
  }

  /** Now, to the millisecond that the stored documents keep. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The network's city slugs, which a subscriber's cities are chosen among. */
  Set<String> citySlugs() {
    return content.cities().stream().map(City::slug).collect(Collectors.toSet());
  }
}
