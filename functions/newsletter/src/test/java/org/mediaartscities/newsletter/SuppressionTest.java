package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;

/** SES's bounces and complaints (the sample events of events/newsletter/) suppress an address until it opts in anew. */
class SuppressionTest {

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(SuppressionTest.class);
  }

  @Test
  void aHardBounceSuppressesTheAddressUntilItSubscribesAndConfirmsAgain() {
    String manage = SubscribingTest.subscribeAndConfirm(bed, "bounced.reader@example.org", "");

    deliver("ses-hard-bounce.json");
    deliver("ses-hard-bounce.json"); // SNS delivers at least once

    assertThat(status(manage)).isEqualTo("suppressed");
    var later = java.time.Instant.now().plus(NewsletterHandler.COOLDOWN).plusSeconds(60);
    var resubscribed = NewsletterTestBed.invoke(new NewsletterHandler(bed.config(() -> later)),
        "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        NewsletterTestBed.subscription("bounced.reader@example.org", ""));
    assertThat(resubscribed.getStatusCode()).isEqualTo(202);
    assertThat(status(manage)).as("pending confirmation: still not mailed").isEqualTo("pending");
  }

  @Test
  void aComplaintSuppressesAndASoftBounceDoesNot() {
    String annoyed = SubscribingTest.subscribeAndConfirm(bed, "annoyed.reader@example.org", "");
    String full = SubscribingTest.subscribeAndConfirm(bed, "full.mailbox@example.org", "");

    deliver("ses-complaint.json");
    deliver("ses-soft-bounce.json");

    assertThat(status(annoyed)).isEqualTo("suppressed");
    assertThat(status(full)).isEqualTo("confirmed");
  }

  @Test
  void linksFromBeforeAnUnsubscriptionStopWorkingOnceTheAddressConfirmsAnew() throws Exception {
    String email = "returning.reader@example.org";
    String old = SubscribingTest.subscribeAndConfirm(bed, email, "");
    bed.call("POST /newsletter/unsubscribe", "/newsletter/unsubscribe", "List-Unsubscribe=One-Click",
        "x-newsletter-token", old);
    assertThat(status(old)).isEqualTo("unsubscribed");

    var clock = java.time.Instant.now().plus(NewsletterHandler.COOLDOWN).plusSeconds(60);
    var handler = new NewsletterHandler(bed.config(() -> clock));
    NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        NewsletterTestBed.subscription(email, ""));
    String confirmation = NewsletterTestBed.token(bed.mailsTo(email).getLast(), "/newsletter/confirm");
    var confirmed = NewsletterTestBed.invoke(handler, "POST /newsletter/confirm", "/newsletter/confirm",
        "{\"token\": \"" + confirmation + "\"}");

    assertThat(json(confirmed).get("status").asText()).isEqualTo("confirmed");
    assertThat(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token", old)
        .getStatusCode()).isEqualTo(404);
    assertThat(status(json(confirmed).get("manageToken").asText())).isEqualTo("confirmed");
  }

  private static void deliver(String sample) {
    SNSEvent event = EventLoader.loadSNSEvent(RepoPaths.events().resolve("newsletter").resolve(sample).toString());
    bed.deployment.functions().invoke("MailEventsFunction", event);
  }

  private static String status(String manageToken) {
    return json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token",
        manageToken)).get("status").asText();
  }
}
