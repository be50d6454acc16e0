package org.mediaartscities.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mediaartscities.content.ContentTestBed.fixture;
import static org.mediaartscities.content.ContentTestBed.json;
import static org.mediaartscities.content.ContentTestBed.withHeader;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mediaartscities.local.RepoPaths;
import org.mediaartscities.shared.json.Json;

/** {@code GET /openapi.json}: the repository's contract, public and cacheable like the feeds. */
class ContentOpenApiTest {

  private static ContentTestBed bed;

  @BeforeAll
  static void deploy() {
    bed = new ContentTestBed(ContentOpenApiTest.class);
  }

  @Test
  void servesTheCommittedContractAsCacheableJson() throws Exception {
    APIGatewayV2HTTPResponse response = bed.invoke(fixture("get-openapi"));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders()).containsEntry("content-type", "application/json; charset=utf-8")
        .containsEntry("cache-control", "public, max-age=300").containsKey("etag");
    JsonNode committed = Json.MAPPER.readTree(Files.readString(RepoPaths.root().resolve("openapi.json")));
    assertThat(json(response)).isEqualTo(committed);
    assertThat(json(response).get("openapi").asText()).isEqualTo("3.1.0");
  }

  @Test
  void answersNotModifiedToItsOwnEtag() {
    String etag = bed.invoke(fixture("get-openapi")).getHeaders().get("etag");

    APIGatewayV2HTTPResponse again = bed.invoke(withHeader(fixture("get-openapi"), "if-none-match", etag));

    assertThat(again.getStatusCode()).isEqualTo(304);
    assertThat(again.getBody()).isEmpty();
  }
}
