package org.mediaartscities.content;

import org.mediaartscities.shared.content.ContentItem;
import org.mediaartscities.shared.content.Image;
import org.mediaartscities.shared.content.Kind;
import org.mediaartscities.shared.content.PublicationStatus;
import org.mediaartscities.shared.content.Translation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.content.ContentTestBed.detail;
import static org.mediaartscities.content.ContentTestBed.fixture;
import static org.mediaartscities.content.ContentTestBed.get;
import static org.mediaartscities.content.ContentTestBed.json;
import static org.mediaartscities.content.ContentTestBed.withHeader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.SampleData;

/** The content function on the sample data, driven by the events/content fixtures. */
class ContentHandlerTest {

  private static ContentTestBed bed;
  private static Instant seededAt;

  @BeforeAll
  static void seed() {
    bed = new ContentTestBed(ContentHandlerTest.class);
    seededAt = Instant.now();
    SampleData.seed(bed.store, seededAt);
    bed.store.putItem(draft());
    bed.store.putItem(partlyTranslated());
  }

  @Test
  void listsEveryCityWithItsNameInTheNegotiatedLanguage() {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("list-cities"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    JsonNode items = json(response).get("items");
    assertThat(items).hasSize(22);
    JsonNode modena = find(items, "slug", "modena");
    assertThat(modena.get("name").asText()).isEqualTo("Modène");
    assertThat(modena.get("lang").asText()).isEqualTo("fr");
    assertThat(modena.get("names").get("en").asText()).isEqualTo("Modena");
    assertThat(json(response).get("nextCursor").isNull()).isTrue();
  }

  @Test
  void showsOneCityWithDiacritics() {
    JsonNode city = json(bed.invoke(fixture("get-city")));

    assertThat(city.get("name").asText()).isEqualTo("Košice");
    assertThat(city.get("country").asText()).isEqualTo("SK");
    assertThat(city.get("continent").asText()).isEqualTo("europe");
    assertThat(city.get("coordinates").get("lat").asDouble()).isBetween(48.0, 49.0);
  }

  @Test
  void listsNewsNewestFirstWithoutScheduledOrDraftItems() {
    List<JsonNode> news = new ArrayList<>();
    json(bed.invoke(get("GET /news", "/news", "limit", "100"))).get("items").forEach(news::add);

    assertThat(news).isNotEmpty();
    List<String> published = news.stream().map(n -> n.get("publishedAt").asText()).toList();
    assertThat(published).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(published).allMatch(at -> !Instant.parse(at).isAfter(Instant.now()));
    assertThat(news).noneMatch(n -> n.get("slug").asText().equals("a-draft"));
    assertThat(news).noneMatch(n -> n.get("slug").asText().equals("network-annual-meeting-announced"));
  }

  @Test
  void servesTheListFixtureInFrenchWithACursor() {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("list-news"));

    assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8")
        .containsEntry("cache-control", "public, max-age=60").containsKey("etag");
    JsonNode body = json(response);
    assertThat(body.get("items")).hasSize(5);
    assertThat(body.get("nextCursor").asText()).isNotBlank();
    assertThat(body.get("items").get(0).get("lang").asText()).isEqualTo("fr");
  }

  @Test
  void detailRendersMarkdownAndNeverPassesAScriptThrough() {
    JsonNode item = json(bed.invoke(withHeader(detail(Kind.NEWS, "namur-bilan-saison-numerique"), "accept-language",
        "fr")));

    String html = item.get("bodyHtml").asText();
    assertThat(html).contains("<p>").doesNotContain("<script");
    assertThat(html).contains("&lt;script&gt;");
  }

  @Test
  void detailFixtureIsServedInEnglishForAnEnglishBrowser() {
    JsonNode item = json(bed.invoke(fixture("get-news")));

    assertThat(item.get("lang").asText()).isEqualTo("en");
    assertThat(item.get("availableLanguages")).extracting(JsonNode::asText).contains("en", "fr");
    assertThat(item.get("title").asText()).isNotBlank();
  }

  @Test
  void unknownOrMalformedSlugIs404WithTheErrorShape() {
    for (String slug : List.of("no-such-news", "UPPER", "x".repeat(3000), "a..b")) {
      APIGatewayV2HTTPResponse response = bed.invoke(detail(Kind.NEWS, slug));
      assertThat(response.getStatusCode()).as(slug).isEqualTo(404);
      JsonNode error = json(response).get("error");
      assertThat(error.get("code").asText()).isEqualTo("not_found");
      assertThat(error.get("requestId").asText()).isNotBlank();
    }
  }

  @Test
  void scheduledItemIsNotFoundUntilItsTime() {
    assertThat(bed.invoke(detail(Kind.NEWS, "network-annual-meeting-announced")).getStatusCode()).isEqualTo(404);
    assertThat(bed.invoke(detail(Kind.NEWS, "a-draft")).getStatusCode()).isEqualTo(404);
  }

  @Test
  void eventsDefaultToThoseNotYetOverSoonestFirst() {
    JsonNode items = json(bed.invoke(fixture("list-events"))).get("items");

    assertThat(items).isNotEmpty();
    List<OffsetDateTime> starts = new ArrayList<>();
    items.forEach(e -> {
      assertThat(OffsetDateTime.parse(e.get("endsAt").asText()).toInstant()).isAfter(seededAt);
      starts.add(OffsetDateTime.parse(e.get("startsAt").asText()));
    });
    assertThat(starts).isSortedAccordingTo((a, b) -> a.toInstant().compareTo(b.toInstant()));
  }

  @Test
  void eventDetailCarriesLocalTimesAndJsonLd() {
    JsonNode event = json(bed.invoke(fixture("get-event")));

    assertThat(event.get("timeZone").asText()).isEqualTo("Europe/Paris");
    assertThat(event.get("startsAt").asText()).matches(".*[+]0[12]:00");
    JsonNode ld = event.get("jsonLd");
    assertThat(ld.get("@type").asText()).isEqualTo("Event");
    assertThat(ld.get("startDate").asText()).isEqualTo(event.get("startsAt").asText());
    assertThat(ld.get("location").toString()).contains("Place");
  }

  @Test
  void callsAreFilteredByStatusFromTheServerClock() {
    for (String status : List.of("open", "upcoming", "closed")) {
      JsonNode items = json(bed.invoke(get("GET /calls", "/calls", "status", status))).get("items");
      assertThat(items).as(status).hasSize(2);
      items.forEach(call -> assertThat(call.get("status").asText()).isEqualTo(status));
    }
    JsonNode defaults = json(bed.invoke(get("GET /calls", "/calls"))).get("items");
    assertThat(defaults).hasSize(4).noneMatch(c -> c.get("status").asText().equals("closed"));
    List<String> closing = new ArrayList<>();
    defaults.forEach(c -> closing.add(OffsetDateTime.parse(c.get("closesAt").asText()).toInstant().toString()));
    assertThat(closing).isSorted();
  }

  @Test
  void callFixtureShowsItsFieldsInTheFallbackLanguage() {
    JsonNode call = json(bed.invoke(fixture("get-call")));

    assertThat(call.get("lang").asText()).isEqualTo("en");
    assertThat(call.get("eligibility").asText()).isNotBlank();
    assertThat(call.get("status").asText()).isIn("open", "upcoming", "closed");
  }

  @Test
  void projectsAndCityToCityListByCityAndLanguage() {
    JsonNode projects = json(bed.invoke(fixture("list-projects"))).get("items");
    assertThat(projects).isNotEmpty().allMatch(p -> p.get("city").asText().equals("lyon"));

    JsonNode editions = json(bed.invoke(fixture("list-city-to-city"))).get("items");
    assertThat(editions).hasSize(4).allMatch(e -> e.get("participatingCities").size() > 1);
    assertThat(json(bed.invoke(fixture("get-city-to-city"))).get("year").asInt()).isEqualTo(2022);
  }

  @Test
  void tagFilterReturnsOnlyTaggedItems() {
    JsonNode items = json(bed.invoke(get("GET /news", "/news", "tag", "residency", "limit", "100"))).get("items");

    assertThat(items).isNotEmpty();
    items.forEach(n -> assertThat(n.get("tags")).extracting(JsonNode::asText).contains("residency"));
  }

  @Test
  void answers304WhenTheCallerHoldsTheCurrentETag() {
    APIGatewayV2HTTPResponse first = bed.invoke(fixture("list-cities"));
    String etag = first.getHeaders().get("etag");

    APIGatewayV2HTTPResponse again = bed.invoke(withHeader(fixture("list-cities"), "if-none-match", etag));
    assertThat(again.getStatusCode()).isEqualTo(304);
    assertThat(again.getBody()).isEmpty();
    assertThat(again.getHeaders()).containsEntry("etag", etag);

    APIGatewayV2HTTPResponse changed = bed.invoke(withHeader(fixture("list-cities"), "if-none-match", "\"other\""));
    assertThat(changed.getStatusCode()).isEqualTo(200);
  }

  @Test
  void everyResponseSaysItVariesByLanguageAndCarriesTheRequestId() {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("get-city"));

    assertThat(response.getHeaders()).containsEntry("vary", "accept-language")
        .containsEntry("x-request-id", "req-cities-kosice");
  }

  @Test
  void badLimitFixtureIsA400NamingTheParameter() {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("list-news-bad-limit"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("limit");
    assertThat(response.getHeaders()).containsEntry("cache-control", "no-store");
  }

  @Test
  void aFieldMissingInTheChosenLanguageFallsBackToEnglishThenToTheOriginal() {
    JsonNode item = json(bed.invoke(withHeader(detail(Kind.NEWS, "partly-translated"), "accept-language",
        "fr-CA, fr;q=0.8")));

    assertThat(item.get("lang").asText()).isEqualTo("fr");
    assertThat(item.get("availableLanguages")).extracting(JsonNode::asText).containsExactly("en", "fr", "ko");
    assertThat(item.get("title").asText()).isEqualTo("Titre en français");
    assertThat(item.get("summary").asText()).isEqualTo("English summary");
    assertThat(item.get("bodyHtml").asText()).contains("원문");
    assertThat(item.get("images").get(0).get("alt").asText()).isEqualTo("Texte alternatif");

    var inKorean = detail(Kind.NEWS, "partly-translated");
    inKorean.setQueryStringParameters(Map.of("lang", "ko-KR"));
    JsonNode korean = json(bed.invoke(inKorean));
    assertThat(korean.get("lang").asText()).isEqualTo("ko");
    assertThat(korean.get("title").asText()).isEqualTo("한국어 제목");

    JsonNode german = json(bed.invoke(withHeader(detail(Kind.NEWS, "partly-translated"), "accept-language", "de")));
    assertThat(german.get("lang").asText()).isEqualTo("en");
  }

  private static ContentItem partlyTranslated() {
    return new ContentItem("partly", Kind.NEWS, "partly-translated", "gwangju", "ko", Map.of(
        "ko", Translation.of("한국어 제목", "한국어 요약", "원문 본문"),
        "fr", Translation.of("Titre en français", null, null),
        "en", Translation.of("English title", "English summary", null)),
        List.of(), List.of(new Image("seed/x.jpg", Map.of("fr", "Texte alternatif", "en", "Alt text"))),
        PublicationStatus.PUBLISHED, Instant.now().minusSeconds(600), null, null, null);
  }

  private static JsonNode find(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (item.get(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("No item with " + field + "=" + value);
  }

  private static ContentItem draft() {
    return new ContentItem("draft-1", Kind.NEWS, "a-draft", "lyon", "fr",
        Map.of("fr", Translation.of("Brouillon", "Pas encore prêt", "…")), List.of("residency"), List.of(),
        PublicationStatus.DRAFT, null, null, null, null);
  }
}
