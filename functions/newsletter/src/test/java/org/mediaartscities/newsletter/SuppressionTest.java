package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SES's bounces and complaints (the sample events of events/newsletter/) suppress an address: subscribing it again
 * mails it nothing, until an operator lifts the suppression.
 */
class SuppressionTest {

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(SuppressionTest.class);
  }

  @Test
  void aHardBounceSuppressesTheAddressWhoeverSubscribesItUntilAnOperatorLiftsIt() {
    var clock = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    var config = bed.apiConfig(clock::get);
    var handler = new NewsletterHandler(config);
    String email = "bounced.reader@example.org"; // the address of events/newsletter/ses-hard-bounce.json
    String manage = bed.subscribeAndConfirm(handler, email, "");

    deliver("ses-hard-bounce");
    deliver("ses-hard-bounce"); // SNS delivers at least once

    assertThat(status(manage)).isEqualTo("suppressed");
    int mailed = bed.mailsTo(email).size();
    clock.set(clock.get().plus(Subscribing.COOLDOWN).plusSeconds(60));
    var forUnknown = NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        NewsletterTestBed.subscription("not.bounced.yet@example.org", ""));
    var resubscribed = NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        NewsletterTestBed.subscription(email, "\"frequency\": \"monthly\""));
    assertThat(resubscribed.getStatusCode()).isEqualTo(forUnknown.getStatusCode()).isEqualTo(202);
    assertThat(resubscribed.getBody()).as("no enumeration").isEqualTo(forUnknown.getBody());
    assertThat(bed.mailsTo(email)).as("nothing mailed to a bouncing address").hasSize(mailed);
    Subscriber stored = config.subscribers().get(config.ids().ofAddress(email).current()).orElseThrow().subscriber();
    assertThat(stored.status()).isEqualTo(Subscriber.Status.SUPPRESSED);
    assertThat(stored.preferences().frequency()).as("unchanged").isEqualTo(Preferences.Frequency.WEEKLY);
    assertThat(stored.suppressedBecause()).isEqualTo("bounce");

    bed.liftSuppression(email); // the procedure of docs/OPERATIONS.md
    clock.set(clock.get().plusSeconds(60));
    String current = bed.subscribeAndConfirm(handler, email, "");

    assertThat(bed.mailsTo(email)).as("a confirmation, once lifted").hasSize(mailed + 1);
    assertThat(status(current)).isEqualTo("confirmed");
    assertThat(bed.subscriberRows(email)).hasSize(1);
  }

  @Test
  void aComplaintSuppressesForGoodAndASoftBounceDoesNot() {
    var clock = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    var handler = new NewsletterHandler(bed.apiConfig(clock::get));
    String annoyed = bed.subscribeAndConfirm(handler, "annoyed.reader@example.org", "");
    String full = bed.subscribeAndConfirm("full.mailbox@example.org", "");

    deliver("ses-complaint");
    deliver("ses-soft-bounce");

    assertThat(status(annoyed)).isEqualTo("suppressed");
    assertThat(status(full)).isEqualTo("confirmed");
    int mailed = bed.mailsTo("annoyed.reader@example.org").size();
    clock.set(clock.get().plus(Subscribing.COOLDOWN).plusSeconds(60));
    var again = NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        NewsletterTestBed.subscription("annoyed.reader@example.org", ""));
    assertThat(again.getStatusCode()).isEqualTo(202);
    assertThat(bed.mailsTo("annoyed.reader@example.org")).as("a complaint holds too").hasSize(mailed);
    assertThat(status(annoyed)).isEqualTo("suppressed");
  }

  @Test
  void linksFromBeforeAnUnsubscriptionStopWorkingOnceTheAddressConfirmsAnew() {
    var clock = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    var handler = new NewsletterHandler(bed.apiConfig(clock::get));
    String email = "returning.reader@example.org";
    String old = bed.subscribeAndConfirm(handler, email, "");
    NewsletterTestBed.invoke(handler, NewsletterTestBed.withToken(NewsletterTestBed.sample("unsubscribe-one-click"),
        old));
    assertThat(status(old)).isEqualTo("unsubscribed");

    clock.set(clock.get().plus(Subscribing.COOLDOWN).plusSeconds(60));
    String current = bed.subscribeAndConfirm(handler, email, "");

    assertThat(status(current)).isEqualTo("confirmed");
    assertThat(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token", old)
        .getStatusCode()).isEqualTo(404);
  }

  private static void deliver(String sample) {
    SNSEvent event = EventLoader.loadSNSEvent(NewsletterTestBed.samplePath(sample).toString());
    bed.deployment.functions().invoke("MailEventsFunction", event);
  }

  private static String status(String manageToken) {
    return json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token",
        manageToken)).get("status").asText();
  }
}
