package org.mediaartscities.shared.http;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonBodyTest {

  @Test
  void aBodyNestedDeeperThanTheParserAllowsIsRefusedNamingTheBody() {
    String deep = "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);

    assertThatThrownBy(() -> JsonBody.parse(deep, Map.class)).isInstanceOf(ApiException.class)
        .hasMessageContaining("nested too deeply").extracting("field").isEqualTo("body");
  }

  @Test
  void malformedJsonIsRefusedWithWhereTheParserStopped() {
    assertThatThrownBy(() -> JsonBody.parse("{\"name\": ", Map.class)).isInstanceOf(ApiException.class)
        .hasMessageContaining("line 1").extracting("field").isEqualTo("body");
  }
}
