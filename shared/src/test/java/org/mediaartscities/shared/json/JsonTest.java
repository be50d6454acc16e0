package org.mediaartscities.shared.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void anAnswerForPagesHoldsNoCharacterThatEndsAScriptTagAndReadsBackTheSame() throws Exception {
    var value = Map.of("name", "</script><img src=x onerror=alert(1)> & \u2028 « nuit »");

    String written = Json.writeForPages(value);

    assertThat(written).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028");
    assertThat(Json.MAPPER.readValue(written, Map.class)).isEqualTo(value);
  }
}
