package org.mediaartscities.newsletter;

import java.time.InstantSource;
import org.mediaartscities.shared.content.ContentRepository;
import org.mediaartscities.shared.content.ContentTable;
import org.mediaartscities.shared.aws.AwsClients;
import org.mediaartscities.shared.captcha.Turnstile;
import org.mediaartscities.shared.env.Env;
import org.mediaartscities.shared.mail.Mailer;

/**
 * What the newsletter's functions are wired with; {@link #fromEnvironment()} reads every variable they use.
 *
 * @param zone the digest's time zone: its dates, and which firing is the month's first
 */
record NewsletterConfig(SubscriberStore subscribers, DigestRuns runs, ContentRepository content,
    NewsletterTokens tokens, NewsletterEmails emails, Mailer mailer, Turnstile captcha, InstantSource clock,
    String zone, String mediaBaseUrl) {

  static NewsletterConfig fromEnvironment() {
    var dynamoDb = AwsClients.dynamoDb();
    var client = AwsClients.dynamoDbEnhanced(dynamoDb);
    var table = client.table(Env.required("NEWSLETTER_TABLE"), NewsletterRow.SCHEMA);
    return new NewsletterConfig(
        new SubscriberStore(client, table),
        new DigestRuns(table, AwsClients.s3(), Env.required("NEWSLETTER_BUCKET")),
        new ContentRepository(ContentTable.from(client)),
        new NewsletterTokens(Env.required("NEWSLETTER_SECRET")),
        new NewsletterEmails(Env.optional("FRONTEND_BASE_URL").orElse("https://mediaartscities.com")),
        Mailer.fromEnvironment(Env.required("SENDER_EMAIL")),
        Turnstile.fromEnvironment(),
        InstantSource.system(),
        Env.optional("DIGEST_TIME_ZONE").orElse("Europe/Paris"),
        Env.optional("MEDIA_BASE_URL").orElse(null));
  }

  NewsletterConfig withClock(InstantSource other) {
    return new NewsletterConfig(subscribers, runs, content, tokens, emails, mailer, captcha, other, zone,
        mediaBaseUrl);
  }
}
