package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;
import static org.mediaartscities.newsletter.NewsletterTestBed.sample;
import static org.mediaartscities.newsletter.NewsletterTestBed.subscription;
import static org.mediaartscities.newsletter.NewsletterTestBed.token;
import static org.mediaartscities.newsletter.NewsletterTestBed.withToken;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.auth.SecretTokens;

/**
 * Subscriber ids (in rows and in every link) are keyed hashes, not the SHA-256 of the address that a list of
 * addresses would find; rows and links from before, keyed by that bare hash, keep working and move once.
 */
class KeyedSubscriberIdsTest {

  private static final Instant BEFORE = Instant.parse("2026-10-01T10:00:00Z");
  private static NewsletterTestBed bed;
  private static NewsletterApiConfig config;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(KeyedSubscriberIdsTest.class);
    config = bed.apiConfig(InstantSource.system());
  }

  @Test
  void neitherTheStoredKeyNorAnyTokenIsTheSha256OfTheAddress() {
    String email = "keyed.reader@example.org";
    String bare = SecretTokens.emailHash(email);
    bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions", subscription(email, ""));
    String confirmation = token(bed.mailsTo(email).getLast(), "/newsletter/confirm");

    String manage = bed.subscribeAndConfirm(email, "");

    assertThat(bed.subscriberRows(email)).singleElement()
        .satisfies(row -> assertThat(row.get("pk").s()).isEqualTo("SUB#" + config.ids().ofAddress(email).current())
            .doesNotContain(bare));
    assertThat(List.of(confirmation, manage)).allSatisfy(token -> assertThat(token).doesNotContain(bare));
    assertThat(manage.substring(0, manage.indexOf('.'))).isEqualTo(config.ids().ofAddress(email).current());
  }

  @Test
  void aManagementLinkMailedBeforeIdsWereKeyedStillOpensPreferencesAndUnsubscribesAndTheRowMovesOnce() {
    String email = "legacy.reader@example.org";
    String old = legacyConfirmed(email);
    assertThat(old).startsWith(SecretTokens.emailHash(email) + ".");

    var preferences = bed.call(withToken(sample("get-preferences"), old));

    assertThat(preferences.getStatusCode()).as(preferences.getBody()).isEqualTo(200);
    assertThat(json(preferences).get("email").asText()).isEqualTo(email);
    assertThat(bed.subscriberRows(email)).as("moved, not copied").singleElement()
        .satisfies(row -> assertThat(row.get("pk").s()).isEqualTo("SUB#" + config.ids().ofAddress(email).current()));
    assertThat(config.subscribers().get(SecretTokens.emailHash(email))).isEmpty();

    var unsubscribed = bed.call(withToken(sample("unsubscribe-one-click"), old));
    assertThat(unsubscribed.getStatusCode()).as(unsubscribed.getBody()).isEqualTo(200);
    assertThat(config.subscribers().get(config.ids().ofAddress(email).current()).orElseThrow().subscriber().status())
        .isEqualTo(Subscriber.Status.UNSUBSCRIBED);
    assertThat(bed.subscriberRows(email)).hasSize(1);
  }

  @Test
  void aConfirmationLinkMailedBeforeIdsWereKeyedStillConfirmsAndItsTokenIsKeyed() {
    String email = "legacy.pending@example.org";
    String bare = SecretTokens.emailHash(email);
    var confirmation = config.tokens().confirmation(bare);
    config.subscribers().put(Subscriber.pending(bare, email, PreferenceRules.defaults("en"), confirmation.hash(),
        Instant.now().plus(Subscribing.CONFIRM_FOR), Instant.now().minusSeconds(60)), Optional.empty());

    var confirmed = bed.call(NewsletterTestBed.withBody(sample("confirm"),
        "{\"token\": \"" + confirmation.token() + "\"}"));

    assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(200);
    assertThat(json(confirmed).get("manageToken").asText()).startsWith(config.ids().ofAddress(email).current() + ".");
    assertThat(bed.subscriberRows(email)).singleElement()
        .satisfies(row -> assertThat(row.get("doc").s()).contains("\"status\":\"confirmed\""));
  }

  @Test
  void subscribingOrBouncingAnAddressStoredUnderItsBareHashMovesItsRowAndKeepsOne() {
    String subscribing = "legacy.again@example.org";
    String bouncing = "bounced.reader@example.org"; // the address of events/newsletter/ses-hard-bounce.json
    String oldLink = legacyConfirmed(subscribing);
    legacyConfirmed(bouncing);

    bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions", subscription(subscribing, ""));
    SNSEvent bounce = EventLoader.loadSNSEvent(NewsletterTestBed.samplePath("ses-hard-bounce").toString());
    bed.deployment.functions().invoke("MailEventsFunction", bounce);

    assertThat(bed.subscriberRows(subscribing)).singleElement()
        .satisfies(row -> assertThat(row.get("pk").s()).doesNotContain(SecretTokens.emailHash(subscribing)));
    assertThat(token(bed.mailsTo(subscribing).getLast(), "/newsletter/preferences"))
        .as("the reminder's link is keyed").startsWith(config.ids().ofAddress(subscribing).current() + ".");
    assertThat(bed.call(withToken(sample("get-preferences"), oldLink)).getStatusCode()).isEqualTo(200);
    assertThat(bed.subscriberRows(bouncing)).singleElement()
        .satisfies(row -> assertThat(row.get("doc").s()).contains("\"status\":\"suppressed\""));
  }

  /** A confirmed subscriber stored as before ids were keyed; returns the management token mailed to it then. */
  private static String legacyConfirmed(String email) {
    String bare = SecretTokens.emailHash(email);
    Subscriber subscriber = Subscriber.pending(bare, email, PreferenceRules.defaults("en"), "unused",
        BEFORE.plus(Subscribing.CONFIRM_FOR), BEFORE).confirmed(BEFORE.plusSeconds(60));
    config.subscribers().put(subscriber, Optional.empty());
    return config.tokens().manage(subscriber);
  }
}
