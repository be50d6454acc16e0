package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;
import static org.mediaartscities.newsletter.NewsletterTestBed.sample;
import static org.mediaartscities.newsletter.NewsletterTestBed.subscription;
import static org.mediaartscities.newsletter.NewsletterTestBed.token;
import static org.mediaartscities.newsletter.NewsletterTestBed.withBody;
import static org.mediaartscities.newsletter.NewsletterTestBed.withToken;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Double opt-in: subscribing, confirming, resending, preferences, and what nobody can learn or do to others. */
class SubscribingTest {

  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(SubscribingTest.class);
  }

  @Test
  void aVisitorSubscribesConfirmsAndManagesTheirPreferences() throws Exception {
    String email = "lea.martin@example.org"; // the address of events/newsletter/subscribe.json
    var subscribed = bed.call(sample("subscribe"));
    assertThat(subscribed.getStatusCode()).as(subscribed.getBody()).isEqualTo(202);

    var mails = bed.mailsTo(email);
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject()).startsWith("Confirmez votre abonnement");
    String confirmation = token(mails.getFirst(), "/newsletter/confirm");
    var confirmed = bed.call(withBody(sample("confirm"), "{\"token\": \"" + confirmation + "\"}"));
    assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(200);
    assertThat(json(confirmed).get("status").asText()).isEqualTo("confirmed");
    String manage = json(confirmed).get("manageToken").asText();

    var preferences = json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null,
        "authorization", "Bearer " + manage));
    assertThat(preferences.get("cities").toString()).isEqualTo("[\"lyon\"]");
    assertThat(preferences.get("frequency").asText()).isEqualTo("weekly");
    assertThat(json(bed.call(withToken(sample("get-preferences"), manage))).get("email").asText()).isEqualTo(email);
    var updated = bed.call(withToken(sample("update-preferences"), manage));
    assertThat(updated.getStatusCode()).as(updated.getBody()).isEqualTo(200);
    assertThat(json(updated).get("cities").toString()).isEqualTo("[\"lyon\",\"linz\"]");
    assertThat(json(updated).get("topics").toString()).as("kept").isEqualTo("[\"news\",\"events\"]");
    assertThat(json(updated).get("frequency").asText()).isEqualTo("monthly");
  }

  @Test
  void everyAddressGetsTheSameAnswerAndAConfirmedOneCannotBeResetByOthers() {
    String known = "known.reader@example.org";
    String manage = bed.subscribeAndConfirm(known, "\"cities\": [\"york\"]");

    var forKnown = bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions",
        subscription(known, "\"cities\": [\"dakar\"], \"frequency\": \"monthly\""));
    var forUnknown = bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions",
        subscription("nobody.yet@example.org", "\"cities\": [\"dakar\"], \"frequency\": \"monthly\""));

    assertThat(forKnown.getStatusCode()).isEqualTo(forUnknown.getStatusCode()).isEqualTo(202);
    assertThat(forKnown.getBody()).isEqualTo(forUnknown.getBody());
    var preferences = json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null,
        "x-newsletter-token", manage));
    assertThat(preferences.get("status").asText()).isEqualTo("confirmed");
    assertThat(preferences.get("cities").toString()).as("unchanged").isEqualTo("[\"york\"]");
    assertThat(preferences.get("frequency").asText()).isEqualTo("weekly");
  }

  @Test
  void aConfirmationIsResentOnlyAfterTheCooldownAndOnlyTheNewestLinkWorks() throws Exception {
    var clock = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    var handler = new NewsletterHandler(bed.apiConfig(() -> clock.get()));
    String email = "cooldown.reader@example.org";
    String body = subscription(email, "");

    NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions", body);
    clock.set(clock.get().plus(Duration.ofMinutes(5)));
    NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions", body);
    assertThat(bed.mailsTo(email)).as("within the cooldown").hasSize(1);
    String first = token(bed.mailsTo(email).getFirst(), "/newsletter/confirm");

    clock.set(clock.get().plus(Subscribing.COOLDOWN));
    NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions", body);
    assertThat(bed.mailsTo(email)).hasSize(2);
    String second = token(bed.mailsTo(email).getLast(), "/newsletter/confirm");

    var old = NewsletterTestBed.invoke(handler, "POST /newsletter/confirm", "/newsletter/confirm",
        "{\"token\": \"" + first + "\"}");
    assertThat(old.getStatusCode()).isEqualTo(400);
    assertThat(json(old).get("error").get("field").asText()).isEqualTo("token");
    clock.set(clock.get().plus(Subscribing.CONFIRM_FOR).plusSeconds(1));
    var expired = NewsletterTestBed.invoke(handler, "POST /newsletter/confirm", "/newsletter/confirm",
        "{\"token\": \"" + second + "\"}");
    assertThat(expired.getStatusCode()).as("after 48 hours").isEqualTo(400);
  }

  @Test
  void anUnsubscribedAddressSubscribingAgainIsMailedAConfirmationAtOnceAndThenWaitsTheCooldown() throws Exception {
    var clock = new AtomicReference<>(Instant.parse("2026-11-20T10:00:00Z"));
    var config = bed.apiConfig(() -> clock.get());
    var handler = new NewsletterHandler(config);
    String email = "returning.reader@example.org";
    String manage = bed.subscribeAndConfirm(handler, email, "");
    clock.set(clock.get().plus(Duration.ofMinutes(1)));
    var unsubscribed = NewsletterTestBed.invoke(handler, withToken(sample("unsubscribe-one-click"), manage));
    assertThat(unsubscribed.getStatusCode()).isEqualTo(200);
    int mailed = bed.mailsTo(email).size();
    var answerForANewAddress = bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions",
        subscription("never.seen@example.org", "")).getBody();

    clock.set(clock.get().plus(Duration.ofMinutes(1)));
    var again = NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        subscription(email, "\"frequency\": \"monthly\""));

    assertThat(again.getStatusCode()).isEqualTo(202);
    assertThat(again.getBody()).isEqualTo(answerForANewAddress);
    assertThat(bed.mailsTo(email)).as("a fresh confirmation, within the cooldown of the first").hasSize(mailed + 1);
    Subscriber stored = config.subscribers().get(config.ids().ofAddress(email).current()).orElseThrow().subscriber();
    assertThat(stored.status()).isEqualTo(Subscriber.Status.PENDING);
    assertThat(stored.preferences().frequency()).isEqualTo(Preferences.Frequency.MONTHLY);
    assertThat(stored.confirmationSentAt()).isEqualTo(clock.get());

    clock.set(clock.get().plus(Duration.ofMinutes(5)));
    NewsletterTestBed.invoke(handler, "POST /newsletter/subscriptions", "/newsletter/subscriptions",
        subscription(email, ""));
    assertThat(bed.mailsTo(email)).as("asked again within the cooldown").hasSize(mailed + 1);

    String confirmation = token(bed.mailsTo(email).getLast(), "/newsletter/confirm");
    var confirmed = NewsletterTestBed.invoke(handler, "POST /newsletter/confirm", "/newsletter/confirm",
        "{\"token\": \"" + confirmation + "\"}");
    assertThat(confirmed.getStatusCode()).as(confirmed.getBody()).isEqualTo(200);
    assertThat(config.subscribers().get(config.ids().ofAddress(email).current()).orElseThrow().subscriber().status())
        .isEqualTo(Subscriber.Status.CONFIRMED);
  }

  @Test
  void aConfirmationLinkOpenedAgainSaysSoAndMintsNoManagementToken() {
    String email = "twice.reader@example.org";
    bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions", subscription(email, ""));
    String confirmation = token(bed.mailsTo(email).getLast(), "/newsletter/confirm");
    var first = bed.call(withBody(sample("confirm"), "{\"token\": \"" + confirmation + "\"}"));
    assertThat(json(first).has("manageToken")).isTrue();
    var config = bed.apiConfig(java.time.InstantSource.system());
    var before = config.subscribers().get(config.ids().ofAddress(email).current()).orElseThrow();

    var again = bed.call(withBody(sample("confirm"), "{\"token\": \"" + confirmation + "\"}"));

    assertThat(again.getStatusCode()).as(again.getBody()).isEqualTo(200);
    assertThat(json(again).get("status").asText()).isEqualTo("confirmed");
    assertThat(json(again).get("message").asText()).contains("already confirmed");
    assertThat(json(again).has("manageToken")).as("mints nothing").isFalse();
    assertThat(again.getBody()).doesNotContain(email);
    var after = config.subscribers().get(config.ids().ofAddress(email).current()).orElseThrow();
    assertThat(after.version()).as("nothing written").isEqualTo(before.version());
    assertThat(after.subscriber().manageEpoch()).isEqualTo(before.subscriber().manageEpoch());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no email | {} | email",
      "bad email | {\"email\": \"reader-at-example.org\"} | email",
      "bad language | {\"email\": \"bad.lang@example.org\", \"languages\": [\"fr\", \"x_y\"]} | languages[1]",
      "no language | {\"email\": \"no.lang@example.org\", \"languages\": []} | languages",
      "unknown city | {\"email\": \"bad.city@example.org\", \"cities\": [\"paris\"]} | cities[0]",
      "bad topic | {\"email\": \"bad.topic@example.org\", \"topics\": [\"gossip\"]} | topics[0]",
      "bad frequency | {\"email\": \"bad.freq@example.org\", \"frequency\": \"daily\"} | frequency",
      "unknown field | {\"email\": \"bad.field@example.org\", \"age\": 30} | age",
      "not json | {\"email\": | body",
  })
  void aBadSubscriptionIsRefusedNamingTheFieldAndNothingIsMailed(String name, String body, String field) {
    int before = bed.sent().size();

    var response = bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions", body);

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo(field);
    assertThat(bed.sent()).hasSize(before);
  }

  @Test
  void aBadPreferenceChangeIsRefusedAndAForgedTokenRevealsNothing() {
    String manage = bed.subscribeAndConfirm("careful.reader@example.org", "");

    var bad = bed.call("PUT /newsletter/preferences", "/newsletter/preferences",
        "{\"topics\": [\"news\", \"weather\"]}", "x-newsletter-token", manage);
    assertThat(bad.getStatusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").get("field").asText()).isEqualTo("topics[1]");
    var stored = json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null,
        "x-newsletter-token", manage));
    assertThat(stored.get("topics").size()).isEqualTo(3);

    String forged = manage.substring(0, manage.lastIndexOf('.') + 1) + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    for (String token : new String[] {forged, "nonsense", ""}) {
      var response = bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token",
          token);
      assertThat(response.getStatusCode()).isEqualTo(404);
      assertThat(response.getBody()).doesNotContain("careful.reader");
    }
  }

  @Test
  void controlAndBidiCharactersAreRemovedFromAnAddressBeforeItIsKeptOrMailed() {
    var response = bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions",
        "{\"email\": \"\\u202eclean.reader@example.org\\u0007 \"}");

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(202);
    assertThat(bed.mailsTo("clean.reader@example.org")).hasSize(1);
  }

  @Test
  void theUnsubscribePageSpeaksTheSubscribersLanguageInItsDirection() {
    String manage = bed.subscribeAndConfirm("hebrew.reader@example.org", "\"languages\": [\"he\"]");

    var page = bed.call(withToken(sample("unsubscribe-page"), manage));

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(page.getHeaders().get("content-type")).startsWith("text/html");
    assertThat(page.getBody()).contains("<html lang=\"he\" dir=\"rtl\">", "hebrew.reader@example.org",
        "name=\"List-Unsubscribe\" value=\"One-Click\"");
  }

  @Test
  void aBotFillingTheHiddenFieldIsAnsweredAlikeButNothingIsKeptOrMailed() {
    var response = bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions",
        subscription("bot@example.org", "\"nickname\": \"Buy now\""));

    assertThat(response.getStatusCode()).isEqualTo(202);
    assertThat(bed.mailsTo("bot@example.org")).isEmpty();
  }

  @Test
  void twentySimultaneousSubscriptionsOfOneAddressMailOneConfirmation() throws Exception {
    String email = "eager.reader@example.org";
    var tasks = new ArrayList<Callable<Integer>>();
    for (int i = 0; i < 20; i++) {
      tasks.add(() -> bed.call("POST /newsletter/subscriptions", "/newsletter/subscriptions", subscription(email, ""))
          .getStatusCode());
    }
    try (var pool = Executors.newFixedThreadPool(20)) {
      for (var result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isEqualTo(202);
      }
    }

    assertThat(bed.mailsTo(email)).hasSize(1);
  }

}
