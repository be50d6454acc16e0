package org.mediaartscities.shared.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiResponseTest {

  private final ApiResponse ok = ApiResponse.json(Map.of("a", 1), "public, max-age=60");

  @Test
  void theSameBodyHasTheSameStrongETag() {
    String etag = ok.conditional(null).headers().get("etag");
    assertThat(etag).startsWith("\"").endsWith("\"");
    assertThat(ApiResponse.json(Map.of("a", 1), "x").conditional(null).headers().get("etag")).isEqualTo(etag);
    assertThat(ApiResponse.json(Map.of("a", 2), "x").conditional(null).headers().get("etag")).isNotEqualTo(etag);
  }

  @Test
  void ifNoneMatchAcceptsListsWeakTagsAndStar() {
    String etag = ok.conditional(null).headers().get("etag");
    for (String header : new String[] {etag, "\"x\", " + etag, "W/" + etag, "*"}) {
      ApiResponse response = ok.conditional(header);
      assertThat(response.status()).as(header).isEqualTo(304);
      assertThat(response.body()).isEmpty();
      assertThat(response.headers()).containsEntry("etag", etag).doesNotContainKey("content-type");
    }
    assertThat(ok.conditional("\"other\"").status()).isEqualTo(200);
  }

  @Test
  void errorsAreNeverConditional() {
    ApiResponse error = ApiResponse.error(400, "invalid_parameter", "bad", "limit", "r1");
    assertThat(error.conditional("*").status()).isEqualTo(400);
  }
}
