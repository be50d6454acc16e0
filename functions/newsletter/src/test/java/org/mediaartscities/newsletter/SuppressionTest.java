package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SES's bounces and complaints (the sample events of events/newsletter/) suppress an address until it opts in anew. */
class SuppressionTest {

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(SuppressionTest.class);
  }

  @Test
  void aHardBounceSuppressesTheAddressUntilItSubscribesAndConfirmsAgain() {
    var clock = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    var handler = new NewsletterHandler(bed.apiConfig(clock::get));
    String manage = bed.subscribeAndConfirm(handler, "bounced.reader@example.org", "");

    deliver("ses-hard-bounce");
    deliver("ses-hard-bounce"); // SNS delivers at least once

    assertThat(status(manage)).isEqualTo("suppressed");
    clock.set(clock.get().plus(Subscribing.COOLDOWN).plusSeconds(60));
    var resubscribed = NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        NewsletterTestBed.subscription("bounced.reader@example.org", ""));
    assertThat(resubscribed.getStatusCode()).isEqualTo(202);
    assertThat(status(manage)).as("pending confirmation: still not mailed").isEqualTo("pending");
  }

  @Test
  void aComplaintSuppressesAndASoftBounceDoesNot() {
    String annoyed = bed.subscribeAndConfirm("annoyed.reader@example.org", "");
    String full = bed.subscribeAndConfirm("full.mailbox@example.org", "");

    deliver("ses-complaint");
    deliver("ses-soft-bounce");

    assertThat(status(annoyed)).isEqualTo("suppressed");
    assertThat(status(full)).isEqualTo("confirmed");
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
