package org.mediaartscities.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.newsletter.NewsletterTestBed.item;
import static org.mediaartscities.newsletter.NewsletterTestBed.json;
import static org.mediaartscities.newsletter.NewsletterTestBed.parts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.local.lambda.ApiEvents;

/**
 * The digest, run by its planner and sent by its sender through the local queue: what each subscriber receives, and
 * that nobody receives it twice. The tests run in order, as successive Mondays.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DigestTest {

  private static final Instant MONDAY = Instant.parse("2026-11-30T07:00:00Z"); // 08:00 in Paris
  private static NewsletterTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new NewsletterTestBed(DigestTest.class);
    Instant lastWeek = MONDAY.minus(Duration.ofDays(3));
    bed.content.putItem(item(Kind.NEWS, "lyon-festival-news", "lyon", lastWeek, "fr", "Fête des Lumières : le programme",
        "en", "Festival of Lights: the programme"));
    bed.content.putItem(item(Kind.NEWS, "linz-news", "linz", lastWeek, "de", "Ars Electronica Rückblick"));
    bed.content.putItem(item(Kind.EVENT, "lyon-mapping-night", "lyon", lastWeek, "fr", "Nuit du mapping"));
    bed.content.putItem(item(Kind.CALL, "network-residency-call", null, lastWeek, "en", "City to City residencies",
        "fr", "Résidences City to City"));
    bed.content.putItem(item(Kind.NEWS, "old-news", "lyon", MONDAY.minus(Duration.ofDays(20)), "fr", "Vieille nouvelle"));
    SubscribingTest.subscribeAndConfirm(bed, "lyon.reader@example.org",
        "\"languages\": [\"fr\"], \"cities\": [\"lyon\"]");
    SubscribingTest.subscribeAndConfirm(bed, "calls.reader@example.org",
        "\"languages\": [\"ko\", \"en\"], \"topics\": [\"calls\"]");
    SubscribingTest.subscribeAndConfirm(bed, "monthly.reader@example.org",
        "\"frequency\": \"monthly\"");
    SubscribingTest.subscribeAndConfirm(bed, "gone.reader@example.org", "");
    bed.call("POST /newsletter/unsubscribe", "/newsletter/unsubscribe", "List-Unsubscribe=One-Click",
        "x-newsletter-token", SubscribingTest.subscribeAndConfirm(bed, "gone.reader@example.org", ""));
  }

  @Test
  @Order(1)
  void eachSubscriberReceivesTheirCitiesAndTopicsInTheirLanguage() throws Exception {
    var plan = plan(MONDAY);

    assertThat(plan.get("weekly").toString()).contains("queued=2");
    MimeMessage lyon = only("lyon.reader@example.org");
    String[] lyonParts = parts(lyon);
    assertThat(lyon.getSubject()).startsWith("Villes des arts numériques");
    assertThat(lyonParts[0]).contains("Fête des Lumières : le programme", "Nuit du mapping", "Résidences City to City")
        .doesNotContain("Ars Electronica", "Vieille nouvelle", "Festival of Lights");
    assertThat(lyonParts[1]).contains("<table", "https://mediaartscities.com/news/lyon-festival-news")
        .doesNotContain("<script");
    MimeMessage calls = only("calls.reader@example.org");
    assertThat(parts(calls)[0]).contains("City to City residencies").doesNotContain("Fête", "Ars Electronica");
    assertThat(digests("monthly.reader@example.org")).as("not a monthly run").isEmpty();
    assertThat(digests("gone.reader@example.org")).as("unsubscribed").isEmpty();
  }

  @Test
  @Order(2)
  void aSecondFiringOrARedeliveredBatchSendsNothingMore() {
    long before = bed.deployment.aws().outbox().count();

    plan(MONDAY.plus(Duration.ofMinutes(5)));
    var sqs = bed.deployment.aws().clients().sqs();
    String queue = sqs.getQueueUrl(q -> q.queueName(bed.deployment.name("DigestQueue"))).queueUrl();
    String subscriber = org.mediaartscities.shared.auth.SecretTokens.emailHash("lyon.reader@example.org");
    sqs.sendMessage(r -> r.queueUrl(queue).messageBody("{\"runId\": \"weekly-2026-11-30\", \"subscribers\": [\""
        + subscriber + "\", \"" + subscriber + "\"]}"));
    bed.deployment.sqsEvents().drain();

    assertThat(bed.deployment.aws().outbox().count()).isEqualTo(before);
  }

  @Test
  @Order(3)
  void theDigestCarriesOneClickUnsubscribeThatWorks() throws Exception {
    MimeMessage lyon = only("lyon.reader@example.org");
    String header = lyon.getHeader("List-Unsubscribe", null);
    assertThat(header).startsWith("<http").contains("/newsletter/unsubscribe?token=");
    assertThat(lyon.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
    assertThat(parts(lyon)[1]).contains("/newsletter/unsubscribe#token=");
    String token = java.net.URLDecoder.decode(header.substring(header.indexOf("token=") + 6, header.indexOf('>')),
        java.nio.charset.StandardCharsets.UTF_8);

    var page = bed.deployment.functions().<APIGatewayV2HTTPResponse>invoke("NewsletterFunction",
        withQuery(ApiEvents.request(null, "GET /newsletter/unsubscribe", "/newsletter/unsubscribe", null), token));
    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(status(token)).as("a GET unsubscribes nobody").isEqualTo("confirmed");
    var post = bed.deployment.functions().<APIGatewayV2HTTPResponse>invoke("NewsletterFunction",
        withQuery(ApiEvents.request(null, "POST /newsletter/unsubscribe", "/newsletter/unsubscribe",
            "List-Unsubscribe=One-Click", "content-type", "application/x-www-form-urlencoded"), token));
    assertThat(post.getStatusCode()).isEqualTo(200);
    assertThat(status(token)).isEqualTo("unsubscribed");
    var repeated = bed.deployment.functions().<APIGatewayV2HTTPResponse>invoke("NewsletterFunction",
        withQuery(ApiEvents.request(null, "POST /newsletter/unsubscribe", "/newsletter/unsubscribe",
            "List-Unsubscribe=One-Click"), token));
    assertThat(repeated.getStatusCode()).isEqualTo(200);
  }

  @Test
  @Order(4)
  void aWeekWithNothingNewSendsNothingAndTheMonthsFirstMondaySendsTheMonthly() throws Exception {
    long before = bed.deployment.aws().outbox().count();
    var december = plan(Instant.parse("2026-12-07T07:00:00Z"));

    assertThat(december.get("weekly").toString()).containsIgnoringCase("status=empty");
    assertThat(parts(only("monthly.reader@example.org"))[0]).contains("City to City residencies",
        "Ars Electronica Rückblick");
    assertThat(bed.deployment.aws().outbox().count()).as("the monthly digest alone").isEqualTo(before + 1);

    bed.content.putItem(item(Kind.NEWS, "modena-news", "modena", Instant.parse("2026-12-08T10:00:00Z"), "it",
        "Notizie da Modena"));
    var nextWeek = plan(Instant.parse("2026-12-14T07:00:00Z"));
    assertThat(nextWeek).doesNotContainKey("monthly");
    assertThat(nextWeek.get("weekly").toString()).contains("items=1");
    assertThat(bed.deployment.aws().outbox().count()).as("nothing for Lyon's or the calls' readers")
        .isEqualTo(before + 1);
  }

  @Test
  @Order(5)
  void theArchiveIsPublicAndHoldsNoSubscribersData() {
    var list = json(bed.call("GET /newsletter/digests", "/newsletter/digests", null));
    assertThat(list.get("items").findValuesAsText("id")).contains("weekly-2026-11-30")
        .doesNotContain("weekly-2026-12-07");
    var digest = bed.call("GET /newsletter/digests/{id}", "/newsletter/digests/weekly-2026-11-30", null,
        "accept-language", "fr");
    assertThat(digest.getStatusCode()).isEqualTo(200);
    assertThat(digest.getHeaders().get("cache-control")).startsWith("public");
    String html = json(digest).get("html").asText();
    assertThat(html).contains("Fête des Lumières", "Ars Electronica Rückblick").doesNotContain("@example.org",
        "token=");
    assertThat(bed.call("GET /newsletter/digests/{id}", "/newsletter/digests/weekly-1999-01-04", null)
        .getStatusCode()).isEqualTo(404);
    assertThat(bed.call("GET /newsletter/digests/{id}", "/newsletter/digests/..%2F..", null).getStatusCode())
        .isEqualTo(404);
  }

  private static Map<String, Object> plan(Instant at) {
    Map<String, Object> result = bed.deployment.functions().invoke("DigestPlannerFunction",
        Map.of("trigger", "test", "at", at.toString()));
    bed.deployment.sqsEvents().drain();
    return result;
  }

  private static MimeMessage only(String address) {
    var digests = digests(address);
    assertThat(digests).as("digests to " + address).hasSize(1);
    return digests.getFirst();
  }

  /** The digests among the emails to an address: the only ones with a List-Unsubscribe header. */
  private static java.util.List<MimeMessage> digests(String address) {
    return bed.mailsTo(address).stream().filter(m -> {
      try {
        return m.getHeader("List-Unsubscribe") != null;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }).toList();
  }

  private static String status(String token) {
    return json(bed.call("GET /newsletter/preferences", "/newsletter/preferences", null, "x-newsletter-token", token))
        .get("status").asText();
  }

  private static com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent withQuery(
      com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event, String token) {
    event.setQueryStringParameters(Map.of("token", token));
    event.setRawQueryString("token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
    return event;
  }
}
