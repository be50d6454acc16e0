package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.content.ContentTestBed.get;
import static org.mediaartscities.content.ContentTestBed.json;
import static org.mediaartscities.content.ContentTestBed.withHeader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mediaartscities.local.SampleData;

/** Whatever a client sends, the answer is a 4xx naming the parameter, never a 500. */
class ContentBadParametersTest {

  private static ContentTestBed bed;

  @BeforeAll
  static void seed() {
    bed = new ContentTestBed(ContentBadParametersTest.class);
    SampleData.seed(bed.store, Instant.now());
  }

  @ParameterizedTest(name = "{0}?{1}={2}")
  @CsvSource({
      "news, limit, 0",
      "news, limit, abc",
      "news, limit, 101",
      "news, limit, -5",
      "news, limit, 99999999999999999999",
      "news, cursor, not-a-cursor",
      "news, cursor, eyJwayI6IklURU0jMSJ9.AAAAAAAAAAAAAAAAAAAAAA",
      "news, cursor, '....'",
      "news, lang, 'fr_FR!'",
      "news, lang, '12'",
      "news, city, Lyon",
      "news, city, 'lyon; drop'",
      "news, tag, 'a b'",
      "events, from, 2026-13-01",
      "events, from, tomorrow",
      "events, to, 2026-02-30",
      "calls, status, finished",
      "calls, status, ''''",
      "cities, lang, '-'",
  })
  void rejectsABadValueNamingItsParameter(String path, String parameter, String value) {
    APIGatewayV2HTTPResponse response = bed.invoke(get("GET /" + path, "/" + path, parameter, value));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(400);
    JsonNode error = json(response).get("error");
    assertThat(error.get("code").asText()).isEqualTo("invalid_parameter");
    assertThat(error.get("field").asText()).isEqualTo(parameter);
    assertThat(error.get("message").asText()).isNotBlank();
    assertThat(error.get("requestId").asText()).isNotBlank();
  }

  @Test
  void rejectsAnEventRangeEndingBeforeItStarts() {
    APIGatewayV2HTTPResponse response = bed.invoke(get("GET /events", "/events", "from", "2026-12-10", "to",
        "2026-12-01"));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response).get("error").get("field").asText()).isEqualTo("to");
  }

  @Test
  void aTamperedCursorIsRefused() {
    String cursor = json(bed.invoke(get("GET /news", "/news", "limit", "2"))).get("nextCursor").asText();
    // Flip a character that carries six full bits (the last one also holds unused padding bits).
    int at = cursor.length() / 2;
    String tampered = cursor.substring(0, at) + (cursor.charAt(at) == 'A' ? 'B' : 'A') + cursor.substring(at + 1);
    String forgedPosition = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
        "{\"pk\":\"ITEM#x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    for (String bad : new String[] {tampered, forgedPosition, cursor + "A"}) {
      APIGatewayV2HTTPResponse response = bed.invoke(get("GET /news", "/news", "limit", "2", "cursor", bad));
      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(json(response).get("error").get("field").asText()).isEqualTo("cursor");
    }
  }

  @Test
  void oddHeadersNeverBreakAnAnswer() {
    for (String acceptLanguage : new String[] {"", ";;;", "*", "fr;q=abc, en;q=2", "x".repeat(5000), "zz-ZZ"}) {
      APIGatewayV2HTTPResponse response = bed.invoke(withHeader(get("GET /news", "/news"), "accept-language",
          acceptLanguage));
      assertThat(response.getStatusCode()).as(acceptLanguage).isEqualTo(200);
      assertThat(json(response).get("items").get(0).get("lang").asText()).isEqualTo("en");
    }
  }

  @Test
  void anUnknownRouteKeyIsA404NotACrash() {
    APIGatewayV2HTTPResponse response = bed.invoke(get("GET /nothing", "/nothing"));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(json(response).get("error").get("code").asText()).isEqualTo("not_found");
  }
}
