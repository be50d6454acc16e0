package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.item;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;
import static org.mediaartscities.newsletter.NewsletterTestBed.parts;
import static org.mediaartscities.newsletter.NewsletterTestBed.sample;
import static org.mediaartscities.newsletter.NewsletterTestBed.sampleInput;
import static org.mediaartscities.newsletter.NewsletterTestBed.withToken;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mediaartscities.shared.auth.SecretTokens;
import org.mediaartscities.shared.content.Kind;

/**
 * The digest, run by its planner and sent by its sender through the local queue: what each subscriber receives, and
 * that nobody receives it twice. Each test has a deployment of its own, with the same readers and content, and plans
 * the Mondays it needs.
 */
class DigestTest {

  /** 08:00 in Paris; the run of events/newsletter/digest-replay.json. */
  private static final Instant MONDAY = Instant.parse("2026-11-30T07:00:00Z");
  private static final Instant DECEMBER_FIRST_MONDAY = Instant.parse("2026-12-07T07:00:00Z");

  private NewsletterTestBed bed;

  @BeforeEach
  void deployWithReadersAndLastWeeksContent() {
    bed = NewsletterTestBed.fresh(DigestTest.class);
    Instant lastWeek = MONDAY.minus(Duration.ofDays(3));
    bed.content.putItem(item(Kind.NEWS, "lyon-festival-news", "lyon", lastWeek, "fr",
        "Fête des Lumières : le programme", "en", "Festival of Lights: the programme"));
    bed.content.putItem(item(Kind.NEWS, "linz-news", "linz", lastWeek, "de", "Ars Electronica Rückblick"));
    bed.content.putItem(item(Kind.EVENT, "lyon-mapping-night", "lyon", lastWeek, "fr", "Nuit du mapping"));
    bed.content.putItem(item(Kind.CALL, "network-residency-call", null, lastWeek, "en", "City to City residencies",
        "fr", "Résidences City to City"));
    bed.content.putItem(item(Kind.NEWS, "old-news", "lyon", MONDAY.minus(Duration.ofDays(20)), "fr",
        "Vieille nouvelle"));
    bed.subscribeAndConfirm("lyon.reader@example.org", "\"languages\": [\"fr\"], \"cities\": [\"lyon\"]");
    bed.subscribeAndConfirm("calls.reader@example.org", "\"languages\": [\"ko\", \"en\"], \"topics\": [\"calls\"]");
    bed.subscribeAndConfirm("monthly.reader@example.org", "\"frequency\": \"monthly\"");
    bed.call(withToken(sample("unsubscribe-one-click"), bed.subscribeAndConfirm("gone.reader@example.org", "")));
  }

  @Test
  void eachSubscriberReceivesTheirCitiesAndTopicsInTheirLanguage() throws Exception {
    Map<String, Object> replay = sampleInput("digest-replay");
    assertThat(replay.get("at")).isEqualTo(MONDAY.toString());

    var plan = bed.plan(MONDAY, replay);

    assertThat(plan.get("weekly").toString()).contains("queued=2");
    MimeMessage lyon = only("lyon.reader@example.org");
    String[] lyonParts = parts(lyon);
    assertThat(lyon.getSubject()).startsWith("Villes des arts numériques");
    assertThat(lyonParts[0])
        .contains("Fête des Lumières : le programme", "Nuit du mapping", "Résidences City to City")
        .doesNotContain("Ars Electronica", "Vieille nouvelle", "Festival of Lights");
    assertThat(lyonParts[1]).contains("<table", "https://mediaartscities.com/news/lyon-festival-news",
        "<html lang=\"fr\" dir=\"ltr\">").doesNotContain("<script");
    MimeMessage calls = only("calls.reader@example.org");
    assertThat(parts(calls)[0]).contains("City to City residencies").doesNotContain("Fête", "Ars Electronica");
    assertThat(digests("monthly.reader@example.org")).as("not a monthly run").isEmpty();
    assertThat(digests("gone.reader@example.org")).as("unsubscribed").isEmpty();
  }

  @Test
  void aSecondFiringOrARedeliveredBatchSendsNothingMore() {
    plan(MONDAY);
    assertThat(digests("lyon.reader@example.org")).hasSize(1);
    int before = bed.sent().size();

    plan(MONDAY.plus(Duration.ofMinutes(5)));
    // The sample names Lyon's reader twice, in the run of that Monday.
    SQSBatchResponse response = bed.deployment.functions().invoke("DigestSenderFunction",
        EventLoader.loadSQSEvent(NewsletterTestBed.samplePath("digest-batch-redelivered").toString()));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(bed.sent()).hasSize(before);
    assertThat(digests("lyon.reader@example.org")).hasSize(1);
  }

  @Test
  void theDigestCarriesOneClickUnsubscribeThatWorks() throws Exception {
    plan(MONDAY);
    MimeMessage lyon = only("lyon.reader@example.org");
    String header = lyon.getHeader("List-Unsubscribe", null);
    assertThat(header).startsWith("<http").contains("/newsletter/unsubscribe?token=");
    assertThat(lyon.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(parts(lyon)[1]).contains("/newsletter/unsubscribe#token=");
    String token = URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.indexOf('>')),
        StandardCharsets.UTF_8);

    var page = bed.call(withToken(sample("unsubscribe-page"), token));
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(status(token)).as("a GET unsubscribes nobody").isEqualTo("confirmed");
    var post = bed.call(withToken(sample("unsubscribe-one-click"), token));
    assertThat(post.getStatusCode()).isEqualTo(200);
    assertThat(status(token)).isEqualTo("unsubscribed");
    var repeated = bed.call(withToken(sample("unsubscribe-one-click"), token));
    assertThat(repeated.getStatusCode()).isEqualTo(200);
    assertThat(status(token)).isEqualTo("unsubscribed");
  }

  @Test
  void aWeekWithNothingNewSendsNothingAndTheMonthsFirstMondaySendsTheMonthly() throws Exception {
    plan(MONDAY);
    int before = bed.sent().size();

    var december = plan(DECEMBER_FIRST_MONDAY);

    assertThat(december.get("weekly").toString()).containsIgnoringCase("status=empty");
    assertThat(parts(only("monthly.reader@example.org"))[0]).contains("City to City residencies",
        "Ars Electronica Rückblick");
    assertThat(bed.sent()).as("the monthly digest alone").hasSize(before + 1);

    bed.content.putItem(item(Kind.NEWS, "modena-news", "modena", Instant.parse("2026-12-08T10:00:00Z"), "it",
        "Notizie da Modena"));
    var nextWeek = plan(Instant.parse("2026-12-14T07:00:00Z"));
    assertThat(nextWeek).doesNotContainKey("monthly");
    assertThat(nextWeek.get("weekly").toString()).contains("items=1");
    assertThat(bed.sent()).as("nothing for Lyon's or the calls' readers")
        .hasSize(before + 1);
  }

  @Test
  void theArchiveIsPublicAndHoldsNoSubscribersData() {
    plan(MONDAY);
    plan(DECEMBER_FIRST_MONDAY);

    var list = json(bed.call(sample("list-digests")));
    assertThat(list.get("items").findValuesAsText("id")).contains("weekly-2026-11-30", "monthly-2026-12-07")
        .doesNotContain("weekly-2026-12-07");
    var digest = bed.call(sample("get-digest"));
    assertThat(digest.getStatusCode()).isEqualTo(200);
    assertThat(digest.getHeaders().get("cache-control")).startsWith("public");
    assertThat(digest.getHeaders().get("content-language")).isEqualTo("fr");
    String html = json(digest).get("html").asText();
    assertThat(html).contains("Fête des Lumières", "Ars Electronica Rückblick").doesNotContain("@example.org",
        "token=");
    assertThat(bed.call(path(sample("get-digest"), "weekly-1999-01-04")).getStatusCode()).isEqualTo(404);
    assertThat(bed.call(path(sample("get-digest"), "..%2F..")).getStatusCode()).isEqualTo(404);
  }

  /** The schedule's run as of {@code at}, on time. */
  @Test
  void aSubscriberStoredUnderTheBareHashOfTheirAddressGetsKeyedLinksAndMovesOnce() throws Exception {
    String email = "legacy.lyon@example.org";
    String bare = SecretTokens.emailHash(email);
    var config = bed.apiConfig(java.time.InstantSource.system());
    var lyon = PreferenceRules.apply(new PreferenceRules.Input(List.of("fr"), List.of("lyon"), null, null),
        PreferenceRules.defaults("fr"), config.citySlugs());
    config.subscribers().put(Subscriber.pending(bare, email, lyon, "unused", MONDAY, MONDAY.minus(Duration.ofDays(30)))
        .confirmed(MONDAY.minus(Duration.ofDays(30))), java.util.Optional.empty());

    plan(MONDAY);

    String header = only(email).getHeader("List-Unsubscribe", null);
    String token = URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.indexOf('>')),
        StandardCharsets.UTF_8);
    String current = config.ids().ofAddress(email).current();
    assertThat(token).startsWith(current + ".").doesNotContain(bare);
    assertThat(bed.subscriberRows(email)).singleElement()
        .satisfies(row -> assertThat(row.get("pk").s()).isEqualTo("SUB#" + current));
    assertThat(status(token)).isEqualTo("confirmed");
  }

  private Map<String, Object> plan(Instant at) {
    return bed.plan(at, at);
  }

  private MimeMessage only(String address) {
    var digests = digests(address);
    assertThat(digests).as("digests to " + address).hasSize(1);
    return digests.getFirst();
  }

  private List<MimeMessage> digests(String address) {
    return bed.digests(address);
  }

  private String status(String token) {
    return json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token", token))
        .get("status").asText();
  }

  /** The get-digest sample for another digest id. */
  private static APIGatewayV2HTTPEvent path(APIGatewayV2HTTPEvent event, String id) {
    event.setRawPath("/newsletter/digests/" + id);
    var parameters = new HashMap<>(event.getPathParameters());
    parameters.put("id", id);
    event.setPathParameters(parameters);
    return event;
  }
}
